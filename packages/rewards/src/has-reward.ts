import type { Span } from '@agl/client';
import { findReward, rewardOf } from '@agl/snapshot';

/**
 * True when some span carries a reward, by the same rule the dashboards use (`@agl/snapshot`):
 * `agentlightning.reward.0.value` on any span, or `reward` on a span named
 * `agentlightning.reward` / `agentlightning.annotation`.
 */
export function hasReward(spans: readonly Span[]): boolean {
  return spans.some((span) => rewardOf(span) !== null);
}

/** The rollout's reward as the dashboards show it (the reward span with the highest sequence id). */
export const currentReward: (spans: readonly Span[]) => number | null = findReward;
