import { type AglStore, FINISHED_ROLLOUT_STATUSES, type Rollout } from '@agl/client';
import { currentReward } from '@agl/rewards';

export interface RolloutSummary {
  text: string;
  unfinished: number;
  byStatus: Record<string, number>;
  rewards: number[];
}

const POLL_MS = 1_000;

function isFinished(rollout: Rollout): boolean {
  return (FINISHED_ROLLOUT_STATUSES as readonly string[]).includes(rollout.status);
}

/** Summarises rollouts: how many ended in each status, and their rewards. */
export function summarize(
  rollouts: readonly Rollout[],
  rewards: readonly number[],
): RolloutSummary {
  const byStatus: Record<string, number> = {};
  for (const rollout of rollouts) byStatus[rollout.status] = (byStatus[rollout.status] ?? 0) + 1;
  const unfinished = rollouts.filter((r) => !isFinished(r)).length;
  const statuses = Object.entries(byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const mean = rewards.length === 0 ? null : rewards.reduce((a, b) => a + b, 0) / rewards.length;
  const rewardText =
    mean === null ? 'no rewards' : `${rewards.length} rewards, mean ${mean.toFixed(3)}`;
  const head = `${rollouts.length} rollout${rollouts.length === 1 ? '' : 's'}`;
  return {
    text: rollouts.length === 0 ? `${head}.` : `${head}: ${statuses}; ${rewardText}.`,
    unfinished,
    byStatus,
    rewards: [...rewards],
  };
}

/** Polls until every rollout finished (or the timeout), then reads the rewards of the succeeded. */
export async function waitForSummary(
  store: AglStore,
  rolloutIds: string[],
  timeoutMs: number,
): Promise<RolloutSummary> {
  const deadline = Date.now() + timeoutMs;
  let rollouts: Rollout[] = [];
  for (;;) {
    rollouts = (await store.queryRollouts({ rolloutIds })).items;
    if (rollouts.every(isFinished) || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const rewards: number[] = [];
  for (const rollout of rollouts) {
    if (rollout.status !== 'succeeded') continue;
    const reward = currentReward(await store.querySpans(rollout.rollout_id));
    if (reward !== null) rewards.push(reward);
  }
  return summarize(rollouts, rewards);
}
