import { DEFAULT_ATTEMPT_ID, type Event1, type Rollout1 } from '@agl/client';
import { type AgentOutput, agentInputText, type EvaluationContext } from '@agl/rewards';
import { server1RolloutView } from '@agl/snapshot';

/** Where the answer of an AGL 1.0 rollout is read from (the `source` of its `AgentOutput`). */
export const GATEWAY_ANSWER_SOURCE = 'model_request.response.choices.0.message.content';

/** The attempt whose events AGL 1.0 reads for this rollout (and where its reward belongs). */
export function currentAttemptId(rollout: Rollout1): string {
  return rollout.status.last_attempt_id || DEFAULT_ATTEMPT_ID;
}

/** The gateway calls that got an answer (`model_request` events not marked `error`). */
export function answeredModelCalls(events: readonly Event1[]): Event1[] {
  return events.filter(
    (event) => event.event_type === 'model_request' && event.data.status !== 'error',
  );
}

/** True when the events hold a `reward` event (AGL's trainers read the last one). */
export function hasRewardEvent(events: readonly Event1[]): boolean {
  return events.some((event) => event.event_type === 'reward');
}

/**
 * The agent's final answer: the message content of its last answered gateway call. A JSON object
 * answer counts as the structured answer too. Pure.
 */
export function gatewayAnswer(events: readonly Event1[]): AgentOutput {
  const last = answeredModelCalls(events).at(-1);
  const content = messageContent(last?.data.response);
  if (content === null) return { text: null, structured: undefined, source: null };
  return { text: content, structured: parseObject(content), source: GATEWAY_ANSWER_SOURCE };
}

/** What the evaluators see of one AGL 1.0 rollout: its input and the gateway's last answer. */
export function server1EvaluationContext(
  rollout: Rollout1,
  events: readonly Event1[],
  signal?: AbortSignal,
): EvaluationContext {
  const view = server1RolloutView(rollout);
  return {
    rollout: view,
    spans: [],
    inputText: agentInputText(view, []),
    output: gatewayAnswer(events),
    ...(signal === undefined ? {} : { signal }),
  };
}

function messageContent(response: unknown): string | null {
  if (!isRecord(response) || !Array.isArray(response.choices)) return null;
  const [choice] = response.choices as unknown[];
  if (!isRecord(choice) || !isRecord(choice.message)) return null;
  const { content } = choice.message;
  return typeof content === 'string' && content.trim() !== '' ? content : null;
}

function parseObject(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
