import { findReward, rewardOf, type Span } from '@agl/client';

/**
 * True when some span carries a reward, by the rule every reader here uses (`@agl/client`):
 * `agentlightning.reward.0.value` on any span, or `reward` on a span named
 * `agentlightning.reward` / `agentlightning.annotation`.
 */
export function hasReward(spans: readonly Span[]): boolean {
  return spans.some((span) => rewardOf(span) !== null);
}

/** The rollout's reward as the dashboards show it (the reward span with the highest sequence id). */
export const currentReward: (spans: readonly Span[]) => number | null = findReward;
