import type { Rollout, Span } from '@agl/client';
import type { AdapterVersion } from './reward-value.ts';
import {
  type ChatMessage,
  childrenByParent,
  MessageShapeError,
  spanMessages,
  type ToolDefinition,
} from './trace-to-messages.ts';
import { type Triplet, traceToTriplets } from './trace-to-triplets.ts';

/** One line of the training-data export: one LLM call of one rollout. */
export interface TrainingRecord {
  rollout_id: string;
  attempt_id: string;
  span_id: string;
  /** Position of the call in the rollout's trajectory (AGL's triplet order), from 0. */
  index: number;
  /** LLM calls in the trajectory. */
  calls: number;
  status: Rollout['status'];
  mode: Rollout['mode'];
  /** The rollout's reward as the dashboards show it (null when it has none). */
  rollout_reward: number | null;
  /** The rollout's metadata (agent name, trace id, the app's own keys such as `postId`). */
  rollout_metadata: Record<string, unknown>;
  /** `TraceToMessages` output for this call; null when it has none or cannot be built. */
  messages: ChatMessage[] | null;
  tools: ToolDefinition[] | null;
  /** Why `messages` is null although the call has GenAI attributes. */
  messages_error?: string;
  /** `TracerTraceToTriplet` output for this call, with its reward. */
  triplet: Triplet;
}

/**
 * The training records of one attempt: one per LLM call the trainer sees, each with its
 * messages (as `TraceToMessages` gives them) and its triplet and reward (as
 * `TracerTraceToTriplet` gives them), following the given AGL version's adapters.
 */
export function trainingRecords(
  rollout: Rollout,
  spans: readonly Span[],
  options: { version: AdapterVersion; rolloutReward: number | null },
): TrainingRecord[] {
  const calls = traceToTriplets(spans, options.version);
  const children = childrenByParent(spans);
  return calls.map(({ span, triplet }, index) => {
    let messages: TrainingRecord['messages'] = null;
    let tools: TrainingRecord['tools'] = null;
    let error: string | undefined;
    try {
      const record = spanMessages(span, children.get(span.span_id) ?? []);
      messages = record?.messages ?? null;
      tools = record?.tools ?? null;
    } catch (caught) {
      if (!(caught instanceof MessageShapeError)) throw caught;
      error = caught.message;
    }
    return {
      rollout_id: rollout.rollout_id,
      attempt_id: span.attempt_id,
      span_id: span.span_id,
      index,
      calls: calls.length,
      status: rollout.status,
      mode: rollout.mode,
      rollout_reward: options.rolloutReward,
      rollout_metadata: rollout.metadata ?? {},
      messages,
      tools,
      ...(error === undefined ? {} : { messages_error: error }),
      triplet,
    };
  });
}
