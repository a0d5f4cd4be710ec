import type { Attributes, Span } from '../model.ts';
import { ANNOTATION_SPAN_NAME, REWARD_SPAN_NAME, rewardAttributeKeys } from './attribute-keys.ts';

const PRIMARY_REWARD = rewardAttributeKeys(0).value;
/** Name of the primary reward dimension in AGL 0.3. */
export const PRIMARY_REWARD_NAME = 'primary';
/** Span names whose legacy `reward` attribute AGL reads (0.2: reward, 0.3: annotation). */
const LEGACY_REWARD_SPANS = new Set([REWARD_SPAN_NAME, ANNOTATION_SPAN_NAME]);

/** The primary reward as both AGL versions read it: `reward` (0.2) and dimension 0 (0.3). */
export function primaryRewardAttributes(reward: number): Attributes {
  const primary = rewardAttributeKeys(0);
  return { reward, [primary.name]: PRIMARY_REWARD_NAME, [primary.value]: reward };
}

/** The reward a stored span carries: the 0.3 primary reward, else the 0.2 `reward` attribute. */
export function rewardOf(span: Span): number | null {
  const primary = finiteNumber(span.attributes[PRIMARY_REWARD]);
  if (primary !== null) return primary;
  return LEGACY_REWARD_SPANS.has(span.name) ? finiteNumber(span.attributes.reward) : null;
}

/** The final reward of a rollout: the reward span with the highest sequence id (then start). */
export function findReward(spans: readonly Span[]): number | null {
  let best: { span: Span; reward: number } | null = null;
  for (const span of spans) {
    const reward = rewardOf(span);
    if (reward === null) continue;
    if (best === null || isLater(span, best.span)) best = { span, reward };
  }
  return best?.reward ?? null;
}

function isLater(a: Span, b: Span): boolean {
  if (a.sequence_id !== b.sequence_id) return a.sequence_id > b.sequence_id;
  return (a.start_time ?? -Infinity) >= (b.start_time ?? -Infinity);
}

function finiteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}
