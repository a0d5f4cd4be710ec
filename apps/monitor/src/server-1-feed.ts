import type { AglServerClient } from '@agl/client';
import {
  collectServer1Dashboard,
  describeUnreachable,
  displayEndpoint,
  getServer1RolloutDetail,
  pollDelay,
  type RolloutDetail,
} from '@agl/snapshot';
import type { MonitorFeed, MonitorState } from './feed.ts';
import { StateHolder } from './state-holder.ts';

export interface Server1FeedOptions {
  /** The AGL 1.0 agl-server (with its key, if it demands one). */
  client: AglServerClient;
  /** Time between polls while the server answers. */
  intervalMs: number;
  /** Longest wait between polls while it does not. Default 5 s (or the interval, if longer). */
  maxBackoffMs?: number;
  /** Newest rollouts kept in the table. */
  recent: number;
  now?: () => number;
}

const DEFAULT_MAX_BACKOFF_MS = 5_000;

/** Advice when nothing answers at the 1.0 server's address. */
export const START_HINT =
  'Start an AGL 1.0 server with `pnpm agl:server --agl-version 1.0`, or point --endpoint (or AGL_ENDPOINT) at a running one.';

/**
 * The monitor's feed for an AGL 1.0 agl-server: one 1.0 snapshot per interval (rollouts by state,
 * gateway tokens, rewards; 1.0 keeps no spans, so there is no throughput series and no span
 * tree). While the server cannot be read, polling backs off and an outage is set.
 */
export class Server1Feed implements MonitorFeed {
  readonly #options: Server1FeedOptions;
  readonly #now: () => number;
  readonly #state: StateHolder<MonitorState>;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #polling: Promise<void> | null = null;
  #started = false;
  #closed = false;

  constructor(options: Server1FeedOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#state = new StateHolder<MonitorState>({
      endpoint: displayEndpoint(options.client.baseUrl),
      snapshot: null,
      outage: null,
      throughput: [],
      paused: false,
    });
  }

  /** Starts polling. */
  start(): this {
    if (this.#started || this.#closed) return this;
    this.#started = true;
    this.#schedule(0);
    return this;
  }

  getState(): MonitorState {
    return this.#state.get();
  }

  subscribe(listener: () => void): () => void {
    return this.#state.subscribe(listener);
  }

  setPaused(paused: boolean): void {
    if (this.#closed || paused === this.#state.get().paused) return;
    this.#state.update({ paused });
    if (paused) this.#clearTimer();
    else this.#schedule(0);
  }

  loadDetail(rolloutId: string): Promise<RolloutDetail | null> {
    return getServer1RolloutDetail(this.#options.client, rolloutId, { now: this.#now });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#clearTimer();
    this.#state.clear();
    await this.#polling?.catch(() => undefined);
  }

  #schedule(delayMs: number): void {
    if (this.#closed || this.#state.get().paused) return;
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#polling ??= this.#poll().finally(() => {
        this.#polling = null;
      });
    }, delayMs);
    this.#timer.unref?.();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #poll(): Promise<void> {
    const { client, intervalMs, recent } = this.#options;
    const maxBackoffMs = this.#options.maxBackoffMs ?? Math.max(DEFAULT_MAX_BACKOFF_MS, intervalMs);
    try {
      const snapshot = await collectServer1Dashboard(client, { recent, now: this.#now });
      if (this.#closed || this.#state.get().paused) return;
      this.#failures = 0;
      this.#state.update({ snapshot, outage: null });
      this.#schedule(intervalMs);
    } catch (error) {
      if (this.#closed) return;
      this.#failures += 1;
      const now = this.#now();
      const delay = pollDelay(this.#failures, intervalMs, maxBackoffMs);
      const unreachable = describeUnreachable(client.baseUrl, error, { now, hint: START_HINT });
      this.#state.update({
        outage: {
          problem: unreachable.problem,
          reason: unreachable.reason,
          hint: unreachable.hint,
          since: this.#state.get().outage?.since ?? now,
          failures: this.#failures,
          nextRetryAt: now + delay,
        },
      });
      this.#schedule(delay);
    }
  }
}
