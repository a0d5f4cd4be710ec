import type { AglStore, Page, Rollout, RolloutStatus } from '@agl/client';
import { loadSummaries, type RolloutSummary, type SummaryCache } from '@agl/snapshot';

export interface RolloutFilter {
  status?: RolloutStatus[] | undefined;
  /** Exact agent name, case-insensitive. */
  agent?: string | undefined;
  /** Epoch milliseconds, inclusive, on the start time. */
  since?: number | undefined;
  until?: number | undefined;
  limit: number;
  offset: number;
}

/**
 * Rollouts matching the filter, newest first. The status filter and paging run on the server
 * when it can (AGL 0.3 without time or agent filters); otherwise the matching rollouts are read
 * once and filtered here. An agent filter reads the spans of every candidate (cached for
 * finished rollouts), because the agent name may only be known from spans.
 */
export async function listRollouts(
  store: AglStore,
  filter: RolloutFilter,
  options: { cache: SummaryCache; now: number },
): Promise<Page<RolloutSummary>> {
  const status = filter.status && filter.status.length > 0 ? filter.status : undefined;
  const byTime = filter.since !== undefined || filter.until !== undefined;
  if (store.capabilities.serverPaging && !byTime && filter.agent === undefined) {
    const page = await store.queryRollouts({
      ...(status ? { status } : {}),
      sortBy: 'start_time',
      sortOrder: 'desc',
      limit: filter.limit,
      offset: filter.offset,
    });
    const items = await loadSummaries(store, page.items, options);
    return { items, total: page.total, limit: filter.limit, offset: filter.offset };
  }
  const candidates = (await store.queryRollouts(status ? { status } : {})).items
    .filter((rollout) => inTimeRange(rollout, filter))
    .sort((a, b) => b.start_time - a.start_time || b.rollout_id.localeCompare(a.rollout_id));
  if (filter.agent === undefined) {
    const page = candidates.slice(filter.offset, filter.offset + filter.limit);
    const items = await loadSummaries(store, page, options);
    return { items, total: candidates.length, limit: filter.limit, offset: filter.offset };
  }
  const wanted = filter.agent.toLowerCase();
  const matching = (await loadSummaries(store, candidates, options)).filter(
    (summary) => summary.agent?.toLowerCase() === wanted,
  );
  return {
    items: matching.slice(filter.offset, filter.offset + filter.limit),
    total: matching.length,
    limit: filter.limit,
    offset: filter.offset,
  };
}

function inTimeRange(rollout: Rollout, filter: RolloutFilter): boolean {
  const startedAt = rollout.start_time * 1000;
  return (
    (filter.since === undefined || startedAt >= filter.since) &&
    (filter.until === undefined || startedAt <= filter.until)
  );
}
