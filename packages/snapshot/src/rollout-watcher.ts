import { EventEmitter } from 'node:events';
import {
  type AglStore,
  type Dialect,
  FINISHED_ROLLOUT_STATUSES,
  ROLLOUT_STATUSES,
  type Rollout,
  type RolloutStatus,
} from '@agl/client';
import { pollDelay } from './backoff.ts';
import { describeUnreachable } from './describe-unreachable.ts';
import { displayEndpoint } from './display-endpoint.ts';
import { DEFAULT_CONCURRENCY, loadSummaries } from './load-summaries.ts';
import { StoreConnection } from './store-connection.ts';
import { isFinished, rolloutVersion, type SummaryCache } from './summary-cache.ts';
import { ThroughputSeries } from './throughput.ts';
import type { RolloutSummary, ThroughputSample, UnreachableSnapshot } from './types.ts';

export interface RolloutChange {
  /** `added`: first seen; `updated`: its status, spans, tokens, reward or error changed. */
  type: 'added' | 'updated';
  rollout: RolloutSummary;
}

export interface ReachableEvent {
  endpoint: string;
  dialect: Dialect;
}

export interface RolloutWatcherEvents {
  change: [RolloutChange];
  /** One per successful poll, after the first. */
  sample: [ThroughputSample];
  /** The store could not be read; polling goes on with backoff. */
  unreachable: [UnreachableSnapshot];
  /** The store can be read (again); reload whatever was shown before. */
  reachable: [ReachableEvent];
  /** The store lost rollouts it had (it restarted between two polls); reload what was shown. */
  reset: [];
}

export interface RolloutWatcherOptions {
  /** Time between polls while the store answers (default 2000 ms). */
  intervalMs?: number;
  /** Longest wait between polls while it does not (default 30000 ms). */
  maxBackoffMs?: number;
  /** Rollouts per page when looking for new ones on a server that pages (default 100). */
  pageSize?: number;
  /** Running rollouts whose spans are re-read per poll (default 50). */
  maxRefresh?: number;
  /** Store requests in flight at once (default 4). */
  concurrency?: number;
  /** Throughput samples kept (default 120). */
  maxSamples?: number;
  /** Facts about finished rollouts, shared with snapshots. */
  cache?: SummaryCache;
  /** Epoch milliseconds clock; defaults to `Date.now`. */
  now?: () => number;
  /** Advice shown when the store is unreachable. */
  hint?: string;
}

interface Known {
  status: RolloutStatus;
  /** `rolloutVersion`: also moves when spans are added (a reward) where the store shows it. */
  version: string;
  spanCount: number | null;
  fingerprint: string | null;
}

const UNFINISHED_STATUSES = ROLLOUT_STATUSES.filter(
  (status) => !(FINISHED_ROLLOUT_STATUSES as readonly RolloutStatus[]).includes(status),
);
/** Statuses in which spans keep arriving. */
const ACTIVE = new Set<RolloutStatus>(['preparing', 'running']);
const ID_CHUNK = 50;

/**
 * Polls a store and reports rollouts that appear or change, plus a throughput series.
 * On AGL 0.3 it reads only new rollouts (newest first) and the unfinished ones; on 0.2, which
 * cannot page, it reads the rollout list once per poll. Spans are re-read only for rollouts that
 * changed or are running. While the store is unreachable it backs off and emits `unreachable`
 * once; `reachable` follows when it answers again.
 *
 *   const watcher = new RolloutWatcher(store, { intervalMs: 2000 });
 *   watcher.on('change', ({ type, rollout }) => console.log(type, rollout.rolloutId));
 *   watcher.start();
 *   …
 *   await watcher.stop();
 */
export class RolloutWatcher extends EventEmitter<RolloutWatcherEvents> {
  readonly intervalMs: number;
  readonly maxBackoffMs: number;
  readonly #source: AglStore | StoreConnection;
  readonly #options: RolloutWatcherOptions;
  readonly #now: () => number;
  readonly #series: ThroughputSeries;
  readonly #known = new Map<string, Known>();
  #watermark = Number.NEGATIVE_INFINITY;
  #baselined = false;
  #reachable: boolean | null = null;
  #failures = 0;
  #running = false;
  #timer: NodeJS.Timeout | null = null;
  #inFlight: Promise<void> | null = null;

  constructor(source: AglStore | StoreConnection, options: RolloutWatcherOptions = {}) {
    super();
    this.#source = source;
    this.#options = options;
    this.intervalMs = positive(options.intervalMs ?? 2000, 'intervalMs');
    this.maxBackoffMs = positive(options.maxBackoffMs ?? 30_000, 'maxBackoffMs');
    positive(options.pageSize ?? 100, 'pageSize');
    this.#now = options.now ?? Date.now;
    this.#series = new ThroughputSeries(options.maxSamples ?? 120);
  }

  /** Null before the first poll. */
  get reachable(): boolean | null {
    return this.#reachable;
  }

  /** Oldest first. */
  get throughput(): ThroughputSample[] {
    return this.#series.samples();
  }

  /** Rollouts the watcher keeps track of. */
  get trackedRollouts(): number {
    return this.#known.size;
  }

  /** Polls now and then on every interval until `stop`. Calling it again does nothing. */
  start(): this {
    if (this.#running) return this;
    this.#running = true;
    this.#schedule(0);
    return this;
  }

  /** Stops polling and waits for a poll in progress. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#inFlight;
  }

  /** Runs one poll (or joins the one in progress). Listeners run before it resolves. */
  pollOnce(): Promise<void> {
    this.#inFlight ??= this.#poll().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.pollOnce().finally(() => {
        if (this.#running) {
          this.#schedule(pollDelay(this.#failures, this.intervalMs, this.maxBackoffMs));
        }
      });
    }, delayMs);
    this.#timer.unref();
  }

  async #poll(): Promise<void> {
    // Events are emitted after the poll, so a throwing listener cannot corrupt the state.
    const events: Array<() => void> = [];
    try {
      const store =
        this.#source instanceof StoreConnection ? await this.#source.get() : this.#source;
      if (this.#baselined) await this.#diff(store, events);
      else await this.#baseline(store);
      if (this.#reachable !== true) {
        const event = { endpoint: displayEndpoint(store.baseUrl), dialect: store.dialect };
        events.unshift(() => this.emit('reachable', event));
      }
      this.#reachable = true;
      this.#failures = 0;
    } catch (error) {
      if (this.#source instanceof StoreConnection) this.#source.failed(error);
      this.#failures += 1;
      this.#baselined = false;
      this.#known.clear();
      this.#series.restart();
      events.length = 0;
      if (this.#reachable !== false) {
        const snapshot = describeUnreachable(this.#endpoint(), error, {
          now: this.#now(),
          ...(this.#options.hint ? { hint: this.#options.hint } : {}),
        });
        events.push(() => this.emit('unreachable', snapshot));
      }
      this.#reachable = false;
    }
    for (const emit of events) emit();
  }

  #endpoint(): string {
    return this.#source instanceof StoreConnection ? this.#source.endpoint : this.#source.baseUrl;
  }

  async #baseline(store: AglStore): Promise<void> {
    this.#known.clear();
    this.#watermark = Number.NEGATIVE_INFINITY;
    let rollouts: Rollout[];
    if (store.capabilities.serverPaging) {
      const [newest, unfinished] = await Promise.all([
        store.queryRollouts({ sortBy: 'start_time', sortOrder: 'desc', limit: this.#pageSize }),
        store.queryRollouts({ status: UNFINISHED_STATUSES }),
      ]);
      rollouts = [...newest.items, ...unfinished.items];
    } else {
      rollouts = (await store.queryRollouts()).items;
    }
    for (const rollout of rollouts) {
      this.#known.set(rollout.rollout_id, {
        status: rollout.status,
        version: rolloutVersion(rollout),
        spanCount: rollout.status === 'queuing' ? 0 : null,
        fingerprint: null,
      });
      this.#watermark = Math.max(this.#watermark, rollout.start_time);
    }
    const active = rollouts
      .filter((rollout) => ACTIVE.has(rollout.status))
      .slice(0, this.#maxRefresh);
    const summaries = await loadSummaries(store, active, this.#loadOptions());
    for (const [index, summary] of summaries.entries()) {
      this.#remember(active[index] as Rollout, summary);
    }
    this.#series.record(this.#now(), 0, 0);
    this.#baselined = true;
  }

  async #diff(store: AglStore, events: Array<() => void>): Promise<void> {
    const current = store.capabilities.serverPaging
      ? await this.#readChangedPaged(store)
      : await this.#readAll(store);
    if (current === null) {
      events.push(() => this.emit('reset'));
      await this.#baseline(store);
      return;
    }
    const added: Rollout[] = [];
    const changed: Rollout[] = [];
    const refresh: Rollout[] = [];
    for (const rollout of current.values()) {
      const known = this.#known.get(rollout.rollout_id);
      if (known === undefined) {
        if (rollout.start_time >= this.#watermark || !store.capabilities.serverPaging) {
          added.push(rollout);
        } else {
          changed.push(rollout);
        }
      } else if (
        known.status !== rollout.status ||
        (isFinished(rollout) && known.version !== rolloutVersion(rollout))
      ) {
        changed.push(rollout);
      } else if (ACTIVE.has(rollout.status) && refresh.length < this.#maxRefresh) {
        refresh.push(rollout);
      }
    }
    const toLoad = [...added, ...changed, ...refresh];
    const summaries = await loadSummaries(store, toLoad, this.#loadOptions());
    let newSpans = 0;
    let newlyFinished = 0;
    for (const [index, summary] of summaries.entries()) {
      const before = this.#known.get(summary.rolloutId);
      const fingerprint = fingerprintOf(summary);
      const rollout = toLoad[index] as Rollout;
      if (before === undefined) {
        newSpans += summary.spanCount ?? 0;
        if (isFinished(rollout)) newlyFinished += 1;
      } else {
        if (before.spanCount !== null && summary.spanCount !== null) {
          newSpans += Math.max(0, summary.spanCount - before.spanCount);
        }
        if (!isFinishedStatus(before.status) && isFinished(rollout)) newlyFinished += 1;
      }
      this.#remember(rollout, summary);
      this.#watermark = Math.max(this.#watermark, rollout.start_time);
      const type = index < added.length ? 'added' : 'updated';
      const statusChanged = index < added.length + changed.length;
      // A running rollout first read now has nothing to compare with yet.
      const contentChanged = before?.fingerprint != null && before.fingerprint !== fingerprint;
      if (statusChanged || contentChanged) {
        events.push(() => this.emit('change', { type, rollout: summary }));
      }
    }
    const sample = this.#series.record(this.#now(), newSpans, newlyFinished);
    if (sample) events.push(() => this.emit('sample', sample));
  }

  /** Every rollout, or null when some known rollout is gone (the store was replaced). */
  async #readAll(store: AglStore): Promise<Map<string, Rollout> | null> {
    const current = new Map<string, Rollout>();
    for (const rollout of (await store.queryRollouts()).items)
      current.set(rollout.rollout_id, rollout);
    for (const id of this.#known.keys()) if (!current.has(id)) return null;
    return current;
  }

  /**
   * Rollouts newer than the newest seen, every unfinished one, and the ones that were unfinished
   * last time; null when one of those is gone (the store was replaced).
   */
  async #readChangedPaged(store: AglStore): Promise<Map<string, Rollout> | null> {
    const current = new Map<string, Rollout>();
    const pageSize = this.#pageSize;
    for (let offset = 0; ; offset += pageSize) {
      const page = await store.queryRollouts({
        sortBy: 'start_time',
        sortOrder: 'desc',
        limit: pageSize,
        offset,
      });
      for (const rollout of page.items) {
        if (rollout.start_time >= this.#watermark || this.#known.has(rollout.rollout_id)) {
          current.set(rollout.rollout_id, rollout);
        }
      }
      const oldest = page.items.at(-1);
      if (
        page.items.length < pageSize ||
        oldest === undefined ||
        oldest.start_time < this.#watermark
      ) {
        break;
      }
    }
    for (const rollout of (await store.queryRollouts({ status: UNFINISHED_STATUSES })).items) {
      current.set(rollout.rollout_id, rollout);
    }
    const vanished = [...this.#known.entries()]
      .filter(([id, known]) => !isFinishedStatus(known.status) && !current.has(id))
      .map(([id]) => id);
    for (let start = 0; start < vanished.length; start += ID_CHUNK) {
      const ids = vanished.slice(start, start + ID_CHUNK);
      const page = await store.queryRollouts({ rolloutIds: ids });
      for (const rollout of page.items) current.set(rollout.rollout_id, rollout);
      if (ids.some((id) => !current.has(id))) return null;
    }
    return current;
  }

  #remember(rollout: Rollout, summary: RolloutSummary): void {
    this.#known.set(rollout.rollout_id, {
      status: rollout.status,
      version: rolloutVersion(rollout),
      spanCount: summary.spanCount,
      fingerprint: fingerprintOf(summary),
    });
  }

  get #pageSize(): number {
    return this.#options.pageSize ?? 100;
  }

  get #maxRefresh(): number {
    return this.#options.maxRefresh ?? 50;
  }

  #loadOptions() {
    return {
      now: this.#now(),
      concurrency: this.#options.concurrency ?? DEFAULT_CONCURRENCY,
      ...(this.#options.cache ? { cache: this.#options.cache } : {}),
    };
  }
}

function isFinishedStatus(status: RolloutStatus): boolean {
  return (FINISHED_ROLLOUT_STATUSES as readonly RolloutStatus[]).includes(status);
}

/** Everything a viewer sees, except the duration, which grows on its own while running. */
function fingerprintOf(summary: RolloutSummary): string {
  return JSON.stringify({ ...summary, durationMs: 0 });
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`RolloutWatcher: ${name} must be a positive number, got ${value}`);
  }
  return value;
}
