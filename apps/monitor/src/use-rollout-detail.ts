import { FINISHED_ROLLOUT_STATUSES, type RolloutStatus } from '@agl/client';
import type { RolloutDetail, StoreSnapshot } from '@agl/snapshot';
import { useEffect, useState } from 'react';
import type { MonitorFeed } from './feed.ts';

export interface DetailState {
  detail: RolloutDetail | null;
  error: string | null;
}

function isFinished(status: RolloutStatus): boolean {
  return (FINISHED_ROLLOUT_STATUSES as readonly RolloutStatus[]).includes(status);
}

/**
 * Loads one rollout's detail and reloads it when the list shows it changed, or on every poll
 * while it is still running. Late answers for a rollout no longer shown are dropped.
 */
export function useRolloutDetail(
  feed: MonitorFeed,
  rolloutId: string | null,
  snapshot: StoreSnapshot | null,
  paused: boolean,
): DetailState {
  const [entry, setEntry] = useState<(DetailState & { rolloutId: string }) | null>(null);
  const summary = snapshot?.recent.find((rollout) => rollout.rolloutId === rolloutId);
  const loadedStatus = entry?.rolloutId === rolloutId ? entry.detail?.summary.status : undefined;
  // Finished rollouts rarely change: reload them only when the list shows a difference.
  const settled =
    loadedStatus !== undefined &&
    isFinished(loadedStatus) &&
    (summary === undefined || isFinished(summary.status));
  const version = settled
    ? `settled:${summary?.status}:${summary?.spanCount}:${summary?.attempts}`
    : String(snapshot?.takenAt ?? 0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is what triggers a reload.
  useEffect(() => {
    if (rolloutId === null || paused) return;
    let cancelled = false;
    feed.loadDetail(rolloutId).then(
      (detail) => {
        if (cancelled) return;
        setEntry({
          rolloutId,
          detail,
          error: detail ? null : 'the store no longer has this rollout',
        });
      },
      (error: unknown) => {
        if (cancelled) return;
        const message = error instanceof Error ? error.message : String(error);
        setEntry((previous) => ({
          rolloutId,
          detail: previous?.rolloutId === rolloutId ? previous.detail : null,
          error: message,
        }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [feed, rolloutId, version, paused]);

  if (entry === null || entry.rolloutId !== rolloutId) return { detail: null, error: null };
  return { detail: entry.detail, error: entry.error };
}
