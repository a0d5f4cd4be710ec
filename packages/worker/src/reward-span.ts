import { randomBytes } from 'node:crypto';
import type { Attributes, Span } from '@agl/client';

export const REWARD_SPAN_NAME = 'agentlightning.reward';

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
  const spanId = input.spanId ?? randomBytes(8).toString('hex');
  const time = input.time ?? Date.now() / 1000;
  const context = { trace_id: input.traceId, span_id: spanId, is_remote: false, trace_state: {} };
  return {
    rollout_id: input.rolloutId,
    attempt_id: input.attemptId,
    sequence_id: input.sequenceId,
    trace_id: input.traceId,
    span_id: spanId,
    parent_id: input.parentSpanId,
    name: REWARD_SPAN_NAME,
    status: { status_code: 'OK', description: null },
    attributes: {
      reward: input.reward,
      'agentlightning.reward.0.name': 'primary',
      'agentlightning.reward.0.value': input.reward,
    },
    events: [],
    links: [],
    start_time: time,
    end_time: time,
    context,
    parent:
      input.parentSpanId === null
        ? null
        : {
            trace_id: input.traceId,
            span_id: input.parentSpanId,
            is_remote: false,
            trace_state: {},
          },
    resource: { attributes: { ...input.resourceAttributes }, schema_url: '' },
  };
}
