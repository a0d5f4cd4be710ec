import { type AglServerClient, isAglError } from '@agl/client';
import {
  collectServer1Dashboard,
  collectSnapshot,
  describeUnreachable,
  type RolloutChange,
  RolloutWatcher,
  type StoreConnection,
  type StoreSnapshot,
  type SummaryCache,
  type ThroughputSample,
  type UnreachableSnapshot,
} from '@agl/snapshot';
import { isStoreFailure } from './store-failure.ts';

export type StatusSnapshot = StoreSnapshot | UnreachableSnapshot;

export type FeedEvent =
  | { event: 'status'; data: StatusSnapshot }
  | { event: 'rollout'; data: RolloutChange }
  | { event: 'throughput'; data: { samples: ThroughputSample[] } };

export interface LiveFeedOptions {
  connection: StoreConnection;
  cache: SummaryCache;
  now: () => number;
  intervalMs: number;
  /** Rollouts in the status's recent list (default 20). */
  recent?: number;
  /** Advice on how to start AGL, shown while it is unreachable. */
  hint: string;
  /** A client for the endpoint when it turns out to be an AGL 1.0 agl-server. */
  server1Client: () => AglServerClient;
}

/**
 * The status server's view of AGL: status snapshots on demand (concurrent requests share one
 * read), and a watcher whose changes are pushed to subscribers together with a fresh status.
 */
export class LiveFeed {
  readonly #options: LiveFeedOptions;
  readonly #watcher: RolloutWatcher;
  readonly #listeners = new Set<(event: FeedEvent) => void>();
  #pending: Promise<StatusSnapshot> | null = null;
  #refreshing = false;
  #refreshAgain = false;
  #started = false;
  /** Set once the endpoint answered as AGL 1.0: polled with its own client, no store watcher. */
  #server1: AglServerClient | null = null;
  #server1Timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: LiveFeedOptions) {
    this.#options = options;
    this.#watcher = new RolloutWatcher(options.connection, {
      intervalMs: options.intervalMs,
      // A page waiting for AGL to come back should not wait long once it has.
      maxBackoffMs: Math.max(options.intervalMs, 10_000),
      cache: options.cache,
      now: options.now,
      hint: options.hint,
    });
    this.#watcher.on('change', (change) => {
      this.#broadcast({ event: 'rollout', data: change });
      this.#refresh();
    });
    this.#watcher.on('sample', () => {
      this.#broadcast({ event: 'throughput', data: { samples: this.#watcher.throughput } });
      // Counts change without a rollout changing in view (a reward added to an old rollout).
      this.#refresh();
    });
    this.#watcher.on('unreachable', (snapshot) => {
      // The watcher's store client failing on an AGL 1.0 server is not an outage.
      if (this.#server1 === null) this.#broadcast({ event: 'status', data: snapshot });
    });
    this.#watcher.on('reachable', () => this.#refresh());
    this.#watcher.on('reset', () => this.#refresh());
  }

  /** The AGL 1.0 client while the endpoint is an agl-server; null for an `agl store`. */
  get server1(): AglServerClient | null {
    return this.#server1;
  }

  /**
   * The endpoint is an AGL 1.0 agl-server (it keeps no spans, so the store watcher cannot read
   * it): from now on the status is read with the 1.0 client and pushed every poll interval.
   */
  useServer1(): void {
    if (this.#server1 !== null) return;
    this.#server1 = this.#options.server1Client();
    void this.#watcher.stop();
    if (this.#started) this.#scheduleServer1Poll(0);
  }

  get started(): boolean {
    return this.#started;
  }

  get throughput(): ThroughputSample[] {
    return this.#watcher.throughput;
  }

  get subscribers(): number {
    return this.#listeners.size;
  }

  /** Starts watching AGL; calling it again does nothing. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    if (this.#server1 === null) this.#watcher.start();
    else this.#scheduleServer1Poll(0);
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#listeners.clear();
    this.#clearServer1Timer();
    await this.#watcher.stop();
    await this.#pending?.catch(() => undefined);
  }

  /** Receives every event from now on (and starts watching). Returns the unsubscribe function. */
  subscribe(listener: (event: FeedEvent) => void): () => void {
    this.#listeners.add(listener);
    this.start();
    return () => this.#listeners.delete(listener);
  }

  /**
   * The current status. AGL being down is a status, not an error; anything else that goes wrong
   * (a bug) is thrown.
   */
  snapshot(): Promise<StatusSnapshot> {
    this.#pending ??= this.#collect().finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  async #collect(): Promise<StatusSnapshot> {
    const { connection, cache, now, recent } = this.#options;
    if (this.#server1 !== null) return this.#collectServer1(this.#server1);
    try {
      const store = await connection.get();
      return await collectSnapshot(store, { cache, now, recent: recent ?? 20 });
    } catch (error) {
      if (!isStoreFailure(error)) throw error;
      // Connecting found an AGL 1.0 server (see `useServer1`).
      if (this.#server1 !== null) return this.#collectServer1(this.#server1);
      connection.failed(error);
      return describeUnreachable(connection.endpoint, error, {
        now: now(),
        hint: this.#options.hint,
      });
    }
  }

  async #collectServer1(client: AglServerClient): Promise<StatusSnapshot> {
    const { now, recent } = this.#options;
    try {
      return await collectServer1Dashboard(client, { recent: recent ?? 20, now });
    } catch (error) {
      if (!isStoreFailure(error)) throw error;
      // No /healthz or rollouts there any more: whatever answers now, the store watcher finds it.
      if (isAglError(error, 'not_found')) this.#leaveServer1();
      return describeUnreachable(this.#options.connection.endpoint, error, {
        now: now(),
        hint: this.#options.hint,
      });
    }
  }

  #leaveServer1(): void {
    this.#server1 = null;
    this.#clearServer1Timer();
    if (this.#started) this.#watcher.start();
  }

  #scheduleServer1Poll(delayMs: number): void {
    this.#clearServer1Timer();
    this.#server1Timer = setTimeout(() => {
      this.#server1Timer = null;
      if (this.#server1 === null || !this.#started) return;
      this.#refresh();
      this.#scheduleServer1Poll(this.#options.intervalMs);
    }, delayMs);
    this.#server1Timer.unref?.();
  }

  #clearServer1Timer(): void {
    if (this.#server1Timer !== null) clearTimeout(this.#server1Timer);
    this.#server1Timer = null;
  }

  /** Sends a fresh status to subscribers; calls during a refresh coalesce into one more. */
  #refresh(): void {
    if (this.#listeners.size === 0) return;
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return;
    }
    this.#refreshing = true;
    void (async () => {
      try {
        do {
          this.#refreshAgain = false;
          // Not the shared read: one that started before the change could miss it.
          this.#broadcast({ event: 'status', data: await this.#collect() });
        } while (this.#refreshAgain && this.#listeners.size > 0);
      } catch (error) {
        console.error('agl-status: could not refresh the status:', error);
      } finally {
        this.#refreshing = false;
      }
    })();
  }

  #broadcast(event: FeedEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('agl-status: a live-feed subscriber failed:', error);
      }
    }
  }
}
