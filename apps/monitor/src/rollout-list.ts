import type { RolloutSummary } from '@agl/snapshot';

/** Newest first; equal start times fall back to the id so the order never flickers. */
export function compareNewestFirst(a: RolloutSummary, b: RolloutSummary): number {
  return (
    b.startedAt - a.startedAt ||
    (a.rolloutId < b.rolloutId ? 1 : a.rolloutId > b.rolloutId ? -1 : 0)
  );
}

/**
 * The list with `changes` applied: each replaces the rollout with the same id or joins the list.
 * The result is newest first and keeps at most `limit` rollouts (the oldest go).
 */
export function applyChanges(
  list: readonly RolloutSummary[],
  changes: readonly RolloutSummary[],
  limit: number,
): RolloutSummary[] {
  const byId = new Map(list.map((rollout) => [rollout.rolloutId, rollout]));
  for (const change of changes) byId.set(change.rolloutId, change);
  return [...byId.values()].sort(compareNewestFirst).slice(0, limit);
}
