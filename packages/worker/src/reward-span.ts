import { randomBytes } from 'node:crypto';
import type { Attributes, Span } from '@agl/client';
import { primaryRewardAttributes, rewardSpan } from '@agl/rewards';

export { REWARD_SPAN_NAME } from '@agl/rewards';

export interface RewardSpanInput {
  rolloutId: string;
  attemptId: string;
  sequenceId: number;
  /** The trace of the run the reward is for (32 hex). */
  traceId: string;
  /** The span the reward hangs under, normally the run's root span (16 hex); null for none. */
  parentSpanId: string | null;
  reward: number;
  /** Epoch seconds. Default now. */
  time?: number;
  /** The OTel resource attributes of the run's spans (e.g. `service.name`). */
  resourceAttributes?: Attributes;
  /** A fixed span id (16 hex); random by default. */
  spanId?: string;
}

/**
 * A reward span both AGL versions read: named `agentlightning.reward` with the 0.2 `reward`
 * attribute and the 0.3 `agentlightning.reward.0.{name,value}` pair (name `primary`).
 */
export function buildRewardSpan(input: RewardSpanInput): Span {
  if (!Number.isFinite(input.reward)) {
    throw new RangeError(`a reward must be a finite number, got ${String(input.reward)}`);
  }
  return rewardSpan({
    rolloutId: input.rolloutId,
    attemptId: input.attemptId,
    traceId: input.traceId,
    parentSpanId: input.parentSpanId,
    sequenceId: input.sequenceId,
    spanId: input.spanId ?? randomBytes(8).toString('hex'),
    time: input.time ?? Date.now() / 1000,
    attributes: primaryRewardAttributes(input.reward),
    resourceAttributes: { ...input.resourceAttributes },
  });
}
