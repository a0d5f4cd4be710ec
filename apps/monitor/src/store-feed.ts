import type { AglStore } from '@agl/client';
import {
  collectSnapshot,
  getRolloutDetail,
  pollDelay,
  type RolloutDetail,
  type RolloutSummary,
  RolloutWatcher,
  StoreConnection,
  type StoreSnapshot,
  SummaryCache,
  type ThroughputSample,
  type UnreachableSnapshot,
} from '@agl/snapshot';
import type { MonitorFeed, MonitorState, Outage } from './feed.ts';
import { applyChanges } from './rollout-list.ts';
import { StateHolder } from './state-holder.ts';

export interface StoreFeedOptions {
  /** Base URL of the store, e.g. `http://127.0.0.1:4747`. */
  endpoint: string;
  /** Opens the store client (normally `connect` from `@agl/client`). */
  connect: (endpoint: string) => Promise<AglStore>;
  /** Time between polls while the store answers. */
  intervalMs: number;
  /** Longest wait between polls while it does not. Default 5 s (or the interval, if longer). */
  maxBackoffMs?: number;
  /** Newest rollouts kept in the table. */
  recent: number;
  /** Throughput samples kept for the sparklines. Default 120. */
  maxSamples?: number;
  now?: () => number;
}

/** A monitor should notice quickly that the store is back, and a loopback poll is cheap. */
const DEFAULT_MAX_BACKOFF_MS = 5_000;

/** Counts the watcher's failed polls so the banner can say when the next try is. */
class CountingConnection extends StoreConnection {
  onPollFailed: () => void = () => {};

  override failed(error: unknown): void {
    this.onPollFailed();
    super.failed(error);
  }

  /** For failures outside the watcher's polls, which do not change its schedule. */
  failedElsewhere(error: unknown): void {
    super.failed(error);
  }
}

/**
 * The live feed: a `RolloutWatcher` reports new and changed rollouts (reading only what changed
 * where the dialect allows it) and throughput; a light snapshot per interval refreshes counts,
 * latency and rewards; the rollout list is re-read in full only on start and after the store
 * comes back or restarts. While the store is unreachable, polling backs off and an outage is set.
 */
export class StoreFeed implements MonitorFeed {
  readonly #options: StoreFeedOptions;
  readonly #now: () => number;
  readonly #connection: CountingConnection;
  readonly #watcher: RolloutWatcher;
  readonly #cache = new SummaryCache();
  readonly #state: StateHolder<MonitorState>;
  #header: StoreSnapshot | null = null;
  #rollouts: RolloutSummary[] = [];
  #listStale = true;
  /** Changes seen while the full list is being re-read; applied on top of it. */
  #changesDuringReload: RolloutSummary[] | null = null;
  #failures = 0;
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  #refreshing: Promise<void> | null = null;
  #started = false;
  #closed = false;

  constructor(options: StoreFeedOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#connection = new CountingConnection(options.endpoint, options.connect);
    this.#connection.onPollFailed = () => this.#onPollFailed();
    this.#watcher = new RolloutWatcher(this.#connection, {
      intervalMs: options.intervalMs,
      maxBackoffMs: options.maxBackoffMs ?? Math.max(DEFAULT_MAX_BACKOFF_MS, options.intervalMs),
      maxSamples: options.maxSamples ?? 120,
      cache: this.#cache,
      now: this.#now,
    });
    this.#watcher.on('change', ({ rollout }) => this.#onChange(rollout));
    this.#watcher.on('sample', (sample) => this.#onSample(sample));
    this.#watcher.on('unreachable', (snapshot) => this.#onUnreachable(snapshot));
    this.#watcher.on('reachable', () => this.#onReachable());
    this.#watcher.on('reset', () => this.#onReset());
    this.#state = new StateHolder<MonitorState>({
      endpoint: this.#connection.displayEndpoint,
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
    this.#watcher.start();
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
    if (paused) {
      void this.#watcher.stop();
      this.#clearRefreshTimer();
      this.#state.update({ paused });
    } else {
      this.#state.update({ paused });
      // Whatever happened while paused was not applied: read the whole list again.
      this.#listStale = true;
      this.#watcher.start();
      if (this.#watcher.reachable) this.#scheduleRefresh(0);
    }
  }

  async loadDetail(rolloutId: string): Promise<RolloutDetail | null> {
    const store = await this.#connection.get();
    try {
      return await getRolloutDetail(store, rolloutId, { now: this.#now() });
    } catch (error) {
      this.#connection.failedElsewhere(error);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#clearRefreshTimer();
    this.#state.clear();
    await this.#watcher.stop();
    await this.#refreshing?.catch(() => undefined);
    await this.#connection.reset();
  }

  #onChange(rollout: RolloutSummary): void {
    if (this.#state.get().paused) return;
    if (this.#changesDuringReload) this.#changesDuringReload.push(rollout);
    this.#rollouts = applyChanges(this.#rollouts, [rollout], this.#options.recent);
    this.#publish();
  }

  #onSample(sample: ThroughputSample): void {
    if (this.#state.get().paused) return;
    const samples = [...this.#state.get().throughput, sample].slice(
      -(this.#options.maxSamples ?? 120),
    );
    this.#state.update({ throughput: samples });
  }

  #onPollFailed(): void {
    this.#failures += 1;
    const delay = pollDelay(this.#failures, this.#watcher.intervalMs, this.#watcher.maxBackoffMs);
    const nextRetryAt = this.#now() + delay;
    const outage = this.#state.get().outage;
    if (outage)
      this.#state.update({ outage: { ...outage, failures: this.#failures, nextRetryAt } });
  }

  #onUnreachable(snapshot: UnreachableSnapshot): void {
    this.#clearRefreshTimer();
    const outage: Outage = {
      problem: snapshot.problem,
      reason: snapshot.reason,
      hint: snapshot.hint,
      since: snapshot.takenAt,
      failures: this.#failures,
      nextRetryAt:
        snapshot.takenAt +
        pollDelay(this.#failures, this.#watcher.intervalMs, this.#watcher.maxBackoffMs),
    };
    this.#state.update({ outage });
  }

  #onReachable(): void {
    this.#failures = 0;
    this.#listStale = true;
    if (this.#state.get().outage) this.#state.update({ outage: null });
    this.#scheduleRefresh(0);
  }

  #onReset(): void {
    this.#listStale = true;
    this.#scheduleRefresh(0);
  }

  #scheduleRefresh(delayMs: number): void {
    if (this.#closed || this.#state.get().paused) return;
    this.#clearRefreshTimer();
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = null;
      this.#refreshing ??= this.#refresh().finally(() => {
        this.#refreshing = null;
        if (this.#watcher.reachable) this.#scheduleRefresh(this.#options.intervalMs);
      });
    }, delayMs);
    this.#refreshTimer.unref?.();
  }

  #clearRefreshTimer(): void {
    if (this.#refreshTimer !== null) clearTimeout(this.#refreshTimer);
    this.#refreshTimer = null;
  }

  /** Counts, latency and rewards; the whole recent list too when it may be out of date. */
  async #refresh(): Promise<void> {
    const withList = this.#listStale;
    try {
      const store = await this.#connection.get();
      if (withList) this.#changesDuringReload = [];
      const snapshot = await collectSnapshot(store, {
        recent: withList ? this.#options.recent : 0,
        cache: this.#cache,
        now: this.#now,
      });
      // A pause freezes the screen, also against a read that was already under way.
      if (this.#closed || this.#state.get().paused) return;
      if (withList) {
        this.#rollouts = applyChanges(
          snapshot.recent,
          this.#changesDuringReload ?? [],
          this.#options.recent,
        );
        this.#listStale = false;
      }
      this.#header = snapshot;
      this.#publish();
    } catch (error) {
      // The watcher notices an unreachable store on its next poll and reports it.
      this.#connection.failedElsewhere(error);
    } finally {
      if (withList) this.#changesDuringReload = null;
    }
  }

  #publish(): void {
    if (this.#header === null) return;
    this.#state.update({ snapshot: { ...this.#header, recent: this.#rollouts } });
  }
}
