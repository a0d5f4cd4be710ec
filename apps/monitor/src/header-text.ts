import type { RolloutStatus } from '@agl/client';
import type { RewardsReadiness } from '@agl/snapshot';
import { formatCount, formatPercent } from './format.ts';
import { STATUS_COLORS } from './status-style.ts';

export interface StatusGroup {
  label: string;
  count: number;
  color: string;
}

const GROUPS: ReadonlyArray<{ label: string; statuses: RolloutStatus[] }> = [
  { label: 'running', statuses: ['preparing', 'running'] },
  { label: 'queued', statuses: ['queuing', 'requeuing'] },
  { label: 'succeeded', statuses: ['succeeded'] },
  { label: 'failed', statuses: ['failed'] },
  { label: 'cancelled', statuses: ['cancelled'] },
];

/** Rollout counts in the groups the filter uses: running, queued, succeeded, failed, cancelled. */
export function statusGroups(byStatus: Record<RolloutStatus, number>): StatusGroup[] {
  return GROUPS.map(({ label, statuses }) => ({
    label,
    count: statuses.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0),
    color: STATUS_COLORS[statuses[0] as RolloutStatus],
  }));
}

/** `37/500 rollouts with rewards (7%)`, plus how far the count got when it is still partial. */
export function rewardsText(rewards: RewardsReadiness): string {
  const { withReward, target, checked, finished } = rewards;
  let text = `${formatCount(withReward)}/${formatCount(target)} rollouts with rewards (${formatPercent(withReward, target)})`;
  if (withReward < target && checked < finished) {
    text += ` · ${formatCount(checked)} of ${formatCount(finished)} finished checked`;
  }
  return text;
}
