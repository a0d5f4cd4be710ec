import type { AglStore } from '@agl/client';
import type { EngineWarnings } from './engine-warnings.ts';
import type { ResolvedOptions } from './options.ts';
import { RetryBackoff } from './retry-backoff.ts';
import { StoreConnection } from './store-connection.ts';

const PROBE_INTERVAL_MS = 500;

export interface GateHooks {
  /** Calls may go to the store (again). */
  ready(): void;
  error(what: string, error: unknown): void;
}

/**
 * Whether calls may go to the store now. Connects lazily, pauses after an outage (the one
 * retry owner), probes health while paused so delivery resumes within a probe interval of
 * recovery, and says once when the store is gone, unusable or back.
 */
export class StoreGate {
  readonly #connection: StoreConnection;
  readonly #backoff: RetryBackoff;
  readonly #warnings: EngineWarnings;
  readonly #hooks: GateHooks;
  #wakeTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #connecting = false;
  #nextConnectAt = 0;

  constructor(options: ResolvedOptions, warnings: EngineWarnings, hooks: GateHooks) {
    this.#connection = new StoreConnection(options);
    this.#backoff = new RetryBackoff(options.retryDelayMs);
    this.#warnings = warnings;
    this.#hooks = hooks;
  }

  get unusable(): Error | undefined {
    return this.#connection.unusable;
  }

  get inOutage(): boolean {
    return this.#backoff.inOutage;
  }

  /** The store when calls may go now; otherwise undefined, and the gate works on reopening. */
  open(now: number): AglStore | undefined {
    const store = this.#connection.current;
    if (!store) {
      this.#connect();
      return undefined;
    }
    if (this.#backoff.isPaused(now)) {
      this.#scheduleWake();
      return undefined;
    }
    return store;
  }

  /** How a call went: an outage pauses calls, an answer ends a pause. */
  report(outage: unknown, answered: boolean): void {
    const now = Date.now();
    if (outage !== undefined) {
      this.#backoff.failed(now);
      this.#warnings.outage(outage);
    } else if (answered) this.#recovered();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#wakeTimer) clearTimeout(this.#wakeTimer);
    await this.#connection.close();
  }

  #recovered(): void {
    const outageMs = this.#backoff.succeeded(Date.now());
    if (outageMs !== undefined) this.#warnings.recovered(outageMs);
  }

  #connect(): void {
    // While the store is away, try to connect once per probe interval, however often asked.
    if (this.#connecting) return;
    if (this.#connection.unusable || Date.now() < this.#nextConnectAt) {
      this.#scheduleWake();
      return;
    }
    this.#connecting = true;
    this.#nextConnectAt = Date.now() + PROBE_INTERVAL_MS;
    void this.#connection.get().then(
      () => {
        this.#connecting = false;
        this.#recovered();
        this.#hooks.ready();
      },
      (error: unknown) => {
        this.#connecting = false;
        this.#hooks.error('connect', error);
        const unusable = this.#connection.unusable;
        if (unusable) {
          this.#warnings.unusable(unusable);
          this.#hooks.ready();
          return;
        }
        this.report(error, false);
        this.#scheduleWake();
      },
    );
  }

  #scheduleWake(): void {
    if (this.#wakeTimer || this.#closed || this.#connection.unusable) return;
    const now = Date.now();
    const untilRetry = this.#connection.current
      ? this.#backoff.pausedUntil - now
      : this.#nextConnectAt - now;
    this.#wakeTimer = setTimeout(
      () => {
        this.#wakeTimer = undefined;
        void this.#probe();
      },
      Math.max(0, Math.min(PROBE_INTERVAL_MS, untilRetry)),
    );
    this.#wakeTimer.unref();
  }

  async #probe(): Promise<void> {
    const store = this.#connection.current;
    if (!store || !this.#backoff.isPaused(Date.now())) {
      if (store) this.#hooks.ready();
      else this.#connect();
      return;
    }
    const healthy = await Promise.race([
      store.health().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS * 2, false).unref()),
    ]);
    if (healthy) {
      this.#recovered();
      this.#hooks.ready();
    } else this.#scheduleWake();
  }
}
