import type { RolloutStatus } from '@agl/client';
import type { RolloutSummary } from '@agl/snapshot';

export interface StatusFilter {
  label: string;
  /** Null: every status. */
  statuses: readonly RolloutStatus[] | null;
}

/** The order `f` cycles through. */
export const STATUS_FILTERS: readonly StatusFilter[] = [
  { label: 'all', statuses: null },
  { label: 'running', statuses: ['preparing', 'running'] },
  { label: 'queued', statuses: ['queuing', 'requeuing'] },
  { label: 'succeeded', statuses: ['succeeded'] },
  { label: 'failed', statuses: ['failed'] },
  { label: 'cancelled', statuses: ['cancelled'] },
];

export function nextFilterIndex(index: number): number {
  return (index + 1) % STATUS_FILTERS.length;
}

/** Rollouts that pass the status filter and whose id or agent contains `search` (any case). */
export function filterRollouts(
  rollouts: readonly RolloutSummary[],
  filter: StatusFilter,
  search: string,
): RolloutSummary[] {
  const needle = search.trim().toLowerCase();
  return rollouts.filter((rollout) => {
    if (filter.statuses && !filter.statuses.includes(rollout.status)) return false;
    if (!needle) return true;
    return (
      rollout.rolloutId.toLowerCase().includes(needle) ||
      (rollout.agent ?? '').toLowerCase().includes(needle)
    );
  });
}
