import type { AglStore, Rollout } from '@agl/client';
import pMap from 'p-map';
import { isRecordError } from './store-errors.ts';
import {
  type AttemptFacts,
  attemptFacts,
  composeSummary,
  type SpanFacts,
  spanFacts,
} from './summarize-rollout.ts';
import type { SummaryCache } from './summary-cache.ts';
import type { RolloutSummary } from './types.ts';

export interface LoadSummariesOptions {
  /** Facts about finished rollouts are read from and written to it. */
  cache?: SummaryCache;
  /** Epoch milliseconds for the duration of running rollouts; defaults to `Date.now()`. */
  now?: number;
  /** Store requests in flight at once (default 4). */
  concurrency?: number;
}

export const DEFAULT_CONCURRENCY = 4;

/**
 * What the rollout's spans say, from the cache or the store. Null when the store no longer has
 * them (AGL 0.2 evicts spans under memory pressure); an unreachable store throws.
 */
export async function loadSpanFacts(
  store: AglStore,
  rollout: Rollout,
  cache?: SummaryCache,
  { reread = false }: { reread?: boolean } = {},
): Promise<SpanFacts | null> {
  // A rollout that never left the queue has no attempt, so no spans to read.
  if (rollout.status === 'queuing') return spanFacts([]);
  const cached = reread ? undefined : cache?.spanFacts(rollout);
  if (cached) return cached;
  try {
    const facts = spanFacts(await store.querySpans(rollout.rollout_id));
    cache?.remember(rollout, { spans: facts });
    return facts;
  } catch (error) {
    if (isRecordError(error)) return null;
    throw error;
  }
}

/** Attempt facts; fetched only when the rollout does not carry its latest attempt (AGL 0.2). */
export async function loadAttemptFacts(
  store: AglStore,
  rollout: Rollout,
  cache?: SummaryCache,
): Promise<AttemptFacts> {
  if (rollout.attempt !== undefined || rollout.status === 'queuing') return attemptFacts(rollout);
  const cached = cache?.attemptFacts(rollout);
  if (cached) return cached;
  try {
    const facts = attemptFacts(rollout, await store.queryAttempts(rollout.rollout_id));
    cache?.remember(rollout, { attempts: facts });
    return facts;
  } catch (error) {
    if (isRecordError(error)) return attemptFacts(rollout);
    throw error;
  }
}

export async function loadSummary(
  store: AglStore,
  rollout: Rollout,
  options: LoadSummariesOptions = {},
): Promise<RolloutSummary> {
  const [spans, attempts] = await Promise.all([
    loadSpanFacts(store, rollout, options.cache),
    loadAttemptFacts(store, rollout, options.cache),
  ]);
  return composeSummary(rollout, spans, attempts, options.now ?? Date.now());
}

/** Summaries of several rollouts, in the order given, with bounded concurrency. */
export function loadSummaries(
  store: AglStore,
  rollouts: readonly Rollout[],
  options: LoadSummariesOptions = {},
): Promise<RolloutSummary[]> {
  const now = options.now ?? Date.now();
  return pMap(rollouts, (rollout) => loadSummary(store, rollout, { ...options, now }), {
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
  });
}
