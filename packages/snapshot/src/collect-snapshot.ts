import {
  type AglStore,
  FINISHED_ROLLOUT_STATUSES,
  ROLLOUT_STATUSES,
  type Rollout,
  type RolloutStatus,
} from '@agl/client';
import { displayEndpoint } from './display-endpoint.ts';
import { DEFAULT_CONCURRENCY, loadSummaries } from './load-summaries.ts';
import { RewardTally } from './reward-tally.ts';
import { isFinished, SummaryCache } from './summary-cache.ts';
import { type StoreSnapshot, TRAINING_READY_ROLLOUTS } from './types.ts';

export interface CollectSnapshotOptions {
  /** How many of the newest rollouts to summarize (default 20). */
  recent?: number;
  /** Keeps what was read about finished rollouts between snapshots; pass the same one each time. */
  cache?: SummaryCache;
  /** Rewarded rollouts that count as ready (default 500). */
  rewardTarget?: number;
  /**
   * Span queries allowed per snapshot for counting rewards of rollouts not yet cached
   * (default 200). With a shared cache the count completes over successive snapshots.
   */
  maxSpanFetches?: number;
  /**
   * Span queries allowed per snapshot for re-reading cached rollouts that may have gained spans
   * (a reward written later) unnoticed (default 50; see `SummaryCache.isDue`).
   */
  maxRechecks?: number;
  /** Store requests in flight at once (default 4). */
  concurrency?: number;
  /** Epoch milliseconds clock; defaults to `Date.now`. */
  now?: () => number;
}

/** Rollouts per page when reading finished rollouts from a server that pages. */
const FINISHED_PAGE = 500;

export function emptyByStatus(): Record<RolloutStatus, number> {
  return Object.fromEntries(ROLLOUT_STATUSES.map((status) => [status, 0])) as Record<
    RolloutStatus,
    number
  >;
}

/**
 * Reads a store's state for a dashboard: counts by status, the newest rollouts, rewards readiness.
 * Uses server-side paging and statistics where the server has them (AGL 0.3); otherwise reads the
 * rollout list once. Throws when the store cannot be read; see `describeUnreachable`.
 */
export async function collectSnapshot(
  store: AglStore,
  options: CollectSnapshotOptions = {},
): Promise<StoreSnapshot> {
  const now = options.now ?? Date.now;
  const recent = options.recent ?? 20;
  if (!Number.isInteger(recent) || recent < 0) {
    throw new RangeError(`recent must be a whole number of rollouts (0 or more), got ${recent}`);
  }
  const takenAt = now();
  const health = await store.health();
  // Without a shared cache, one for this snapshot still saves reading the same spans twice.
  const cache = options.cache ?? new SummaryCache();
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const tally = new RewardTally({
    target: options.rewardTarget ?? TRAINING_READY_ROLLOUTS,
    maxSpanFetches: options.maxSpanFetches ?? 200,
    maxRechecks: options.maxRechecks ?? 50,
    concurrency,
    cache,
  });
  const read = store.capabilities.serverPaging
    ? await readPaged(store, recent, tally)
    : await readAll(store, recent, tally, cache);
  const summaries = await loadSummaries(store, read.recent, { now: now(), concurrency, cache });
  const finished = FINISHED_ROLLOUT_STATUSES.reduce(
    (sum, status) => sum + read.byStatus[status],
    0,
  );
  return {
    endpoint: displayEndpoint(store.baseUrl),
    dialect: store.dialect,
    reachable: true,
    latencyMs: Math.round(health.latencyMs * 10) / 10,
    takenAt,
    totalRollouts: read.totalRollouts,
    totalSpans: read.totalSpans(summaries.map((summary) => summary.spanCount)),
    byStatus: read.byStatus,
    recent: summaries,
    rewards: tally.readiness(finished),
  };
}

interface StoreRead {
  totalRollouts: number;
  byStatus: Record<RolloutStatus, number>;
  /** Newest first. */
  recent: Rollout[];
  /** Given the span counts of the recent rollouts. */
  totalSpans: (recentSpanCounts: Array<number | null>) => number | null;
}

async function readPaged(store: AglStore, recent: number, tally: RewardTally): Promise<StoreRead> {
  const [statistics, page] = await Promise.all([
    store.statistics(),
    recent === 0
      ? Promise.resolve({ items: [] as Rollout[] })
      : store.queryRollouts({ sortBy: 'start_time', sortOrder: 'desc', limit: recent }),
  ]);
  for (let offset = 0; !tally.complete; offset += FINISHED_PAGE) {
    const finished = await store.queryRollouts({
      status: [...FINISHED_ROLLOUT_STATUSES],
      sortBy: 'start_time',
      sortOrder: 'desc',
      limit: FINISHED_PAGE,
      offset,
    });
    await tally.add(store, finished.items);
    if (finished.items.length < FINISHED_PAGE || offset + FINISHED_PAGE >= finished.total) break;
  }
  return {
    totalRollouts: statistics.totalRollouts,
    byStatus: { ...emptyByStatus(), ...statistics.rolloutsByStatus },
    recent: page.items,
    totalSpans: () => statistics.totalSpans,
  };
}

async function readAll(
  store: AglStore,
  recent: number,
  tally: RewardTally,
  cache: SummaryCache,
): Promise<StoreRead> {
  const all = (await store.queryRollouts()).items;
  const byStatus = emptyByStatus();
  for (const rollout of all) byStatus[rollout.status] += 1;
  const newestFirst = [...all].sort(
    (a, b) => b.start_time - a.start_time || b.rollout_id.localeCompare(a.rollout_id),
  );
  const newest = newestFirst.slice(0, recent);
  await tally.add(store, newestFirst.filter(isFinished));
  return {
    totalRollouts: all.length,
    byStatus,
    recent: newest,
    // The server cannot count spans; the sum is known only when every rollout's count is.
    totalSpans: (recentCounts) => {
      let total = 0;
      for (const [index, rollout] of newestFirst.entries()) {
        const count =
          index < newest.length ? recentCounts[index] : cache.spanFacts(rollout)?.spanCount;
        if (count === null || count === undefined) return null;
        total += count;
      }
      return total;
    },
  };
}
