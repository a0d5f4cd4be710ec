import {
  type Attributes,
  PRIMARY_REWARD_NAME,
  primaryRewardAttributes,
  REWARD_SPAN_NAME,
  rewardAttributeKeys,
  type Span,
} from '@agl/client';
import type { RewardPlacement } from './reward-placement.ts';
import type { RolloutScore } from './types.ts';

export { PRIMARY_REWARD_NAME, primaryRewardAttributes, REWARD_SPAN_NAME };

/** A reward span lands at least this long after the attempt's last span ended (seconds). */
const AFTER_LAST_SPAN = 0.001;

export interface RewardSpanInput {
  placement: RewardPlacement;
  score: RolloutScore & { reward: number };
  /** Issued by the store (`nextSequenceId`), so it follows every span already stored. */
  sequenceId: number;
  /** 16 lowercase hex digits. */
  spanId: string;
  /** Epoch seconds. */
  now: number;
  /** Written as `agl.reward.source`, e.g. `agl-eval`. */
  source: string;
}

/** Where a reward span goes and what it carries. */
export interface RewardSpanFields {
  rolloutId: string;
  attemptId: string;
  traceId: string;
  /** The span the reward hangs under (16 hex); null for none. */
  parentSpanId: string | null;
  /** Issued by the store (`nextSequenceId`), so it follows every span already stored. */
  sequenceId: number;
  /** 16 lowercase hex digits. */
  spanId: string;
  /** Epoch seconds (start and end: a reward is an instant). */
  time: number;
  attributes: Attributes;
  resourceAttributes: Attributes;
}

/** A complete AGL span named `agentlightning.reward`, every required key present. */
export function rewardSpan(fields: RewardSpanFields): Span {
  const { traceId, spanId, parentSpanId } = fields;
  return {
    rollout_id: fields.rolloutId,
    attempt_id: fields.attemptId,
    sequence_id: fields.sequenceId,
    trace_id: traceId,
    span_id: spanId,
    parent_id: parentSpanId,
    name: REWARD_SPAN_NAME,
    status: { status_code: 'OK', description: null },
    attributes: fields.attributes,
    events: [],
    links: [],
    start_time: fields.time,
    end_time: fields.time,
    context: { trace_id: traceId, span_id: spanId, is_remote: false, trace_state: {} },
    parent:
      parentSpanId === null
        ? null
        : { trace_id: traceId, span_id: parentSpanId, is_remote: false, trace_state: {} },
    resource: { attributes: fields.resourceAttributes, schema_url: '' },
  };
}

/**
 * The reward attributes, readable by both AGL versions: `reward` (0.2, on a span named
 * `agentlightning.reward`), `agentlightning.reward.{i}.name/.value` (0.3: index 0 is the primary
 * reward, then one dimension per evaluator that applied), and `agl.reward.<evaluator>.*` with
 * each evaluator's value, weight and details.
 */
export function rewardAttributes(
  score: RolloutScore & { reward: number },
  source: string,
): Attributes {
  const attributes = primaryRewardAttributes(score.reward);
  let dimension = 1;
  for (const part of score.scores) {
    if (part.value === null) continue;
    const keys = rewardAttributeKeys(dimension);
    attributes[keys.name] = part.name;
    attributes[keys.value] = part.value;
    dimension += 1;
  }
  for (const part of score.scores) {
    const prefix = `agl.reward.${part.name}`;
    if (part.value !== null) attributes[`${prefix}.value`] = part.value;
    attributes[`${prefix}.weight`] = part.weight;
    if (part.details !== null) attributes[`${prefix}.details`] = part.details;
  }
  attributes['agl.reward.evaluator_version'] = score.scores
    .map((part) => `${part.name}@${part.version}`)
    .join(',');
  attributes['agl.reward.source'] = source;
  return attributes;
}

/**
 * A complete AGL span carrying the reward, placed so that AGL's `TracerTraceToTriplet`
 * (FIRST_OCCURRENCE) gives it to the attempt's last LLM call: a child of the agent span, starting
 * after every span of the attempt ended, with a sequence id issued after them.
 */
export function buildRewardSpan(input: RewardSpanInput): Span {
  const { placement } = input;
  return rewardSpan({
    rolloutId: placement.rolloutId,
    attemptId: placement.attemptId,
    traceId: placement.traceId,
    parentSpanId: placement.parentId,
    sequenceId: input.sequenceId,
    spanId: input.spanId,
    time: Math.max(input.now, placement.notBefore + AFTER_LAST_SPAN),
    attributes: rewardAttributes(input.score, input.source),
    resourceAttributes: { 'service.name': input.source },
  });
}
