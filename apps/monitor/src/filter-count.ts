import type { RolloutStatus } from '@agl/client';
import type { StoreSnapshot } from '@agl/snapshot';
import type { StatusFilter } from './rollout-filter.ts';

export interface FilterCountInput {
  /** Rows that pass the filter and search. */
  shown: number;
  /** Rows the table holds (the newest rollouts only). */
  loaded: number;
  filter: StatusFilter;
  search: string;
  /** Counts for the whole store, when known. */
  snapshot: Pick<StoreSnapshot, 'totalRollouts' | 'byStatus'> | null;
}

/**
 * How many rows a filter or search shows, against what the whole store holds: the table keeps
 * only the newest rollouts, so "100 of 100" would hide the 7 older ones the header counts.
 */
export function filterCountText(input: FilterCountInput): string {
  const { shown, loaded, filter, search, snapshot } = input;
  if (snapshot === null || loaded >= snapshot.totalRollouts) return `(${shown} of ${loaded})`;
  if (search.trim() === '' && filter.statuses !== null) {
    const inStore = countOf(filter.statuses, snapshot.byStatus);
    return `(${shown} of ${inStore} ${filter.label} in the store; the table holds the ${loaded} newest)`;
  }
  return `(${shown} among the ${loaded} newest of ${snapshot.totalRollouts}; older ones are not searched)`;
}

function countOf(
  statuses: readonly RolloutStatus[],
  byStatus: Record<RolloutStatus, number>,
): number {
  return statuses.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
}
