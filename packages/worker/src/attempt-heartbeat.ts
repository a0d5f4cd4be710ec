import type { AglStore, Attempt, RolloutConfig } from '@agl/client';

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 10_000;
const MIN_HEARTBEAT_INTERVAL_MS = 100;

/**
 * How often to heartbeat an attempt: the configured interval, but at least three beats within
 * the rollout's `unresponsive_seconds`, so one late or lost beat does not fail the run.
 */
export function heartbeatIntervalMs(
  config: Pick<RolloutConfig, 'unresponsive_seconds'> | null | undefined,
  configuredMs: number = DEFAULT_HEARTBEAT_INTERVAL_MS,
): number {
  const unresponsive = config?.unresponsive_seconds;
  const interval =
    typeof unresponsive === 'number' && unresponsive > 0
      ? Math.min(configuredMs, (unresponsive * 1000) / 3)
      : configuredMs;
  return Math.max(MIN_HEARTBEAT_INTERVAL_MS, Math.floor(interval));
}

const CLOCK_TOLERANCE_MS = 1_000;

/**
 * How far the store's clock is ahead of ours, in ms, judged from an attempt the store created
 * between `sentAt` and `receivedAt` (our clock, ms): its `start_time` is the store's clock then.
 * Clocks that agree within a second count as equal (0). AGL compares heartbeat times with its own
 * clock, so a worker whose clock lags would otherwise look unresponsive.
 */
export function estimateClockOffsetMs(
  sentAt: number,
  receivedAt: number,
  serverTimeSeconds: number,
): number {
  const server = serverTimeSeconds * 1000;
  if (server >= sentAt - CLOCK_TOLERANCE_MS && server <= receivedAt + CLOCK_TOLERANCE_MS) return 0;
  return server - (sentAt + receivedAt) / 2;
}

export interface AttemptHeartbeatOptions {
  store: AglStore;
  rolloutId: string;
  attemptId: string;
  intervalMs: number;
  /** Added to our clock to get the store's (see `estimateClockOffsetMs`). */
  clockOffsetMs?: number;
  /** The attempt as the store returned it after a beat. */
  onBeat?: (attempt: Attempt) => void;
  onError?: (error: unknown) => void;
}

/**
 * Keeps an attempt alive while its run takes longer than AGL's `unresponsive_seconds`: sets the
 * attempt's `last_heartbeat_time` at a fixed interval. Only that field is sent, so the attempt's
 * status is left as it is. A beat is skipped while the previous one is still in flight.
 */
export class AttemptHeartbeat {
  readonly #options: AttemptHeartbeatOptions;
  #timer: NodeJS.Timeout | undefined;
  #inFlight: Promise<void> | undefined;
  #beats = 0;

  constructor(options: AttemptHeartbeatOptions) {
    this.#options = options;
  }

  /** Beats sent and answered. */
  get beats(): number {
    return this.#beats;
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.#beat(), this.#options.intervalMs);
    this.#timer.unref();
  }

  /** Stops beating and waits for a beat in flight, so it cannot land after the final status. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#inFlight;
  }

  #beat(): void {
    if (this.#inFlight) return;
    const { store, rolloutId, attemptId, clockOffsetMs = 0 } = this.#options;
    const now = (Date.now() + clockOffsetMs) / 1000;
    this.#inFlight = store
      .updateAttempt(rolloutId, attemptId, { last_heartbeat_time: now })
      .then(
        (attempt) => {
          this.#beats += 1;
          this.#options.onBeat?.(attempt);
        },
        (error: unknown) => this.#options.onError?.(error),
      )
      .finally(() => {
        this.#inFlight = undefined;
      });
  }
}
