import { DEFAULT_ATTEMPT_ID, type Event1, type Rollout, type Rollout1 } from '@agl/client';
import { type AgentOutput, agentInputText, type EvaluationContext } from '@agl/rewards';

/** Where the answer of an AGL 1.0 rollout is read from (the `source` of its `AgentOutput`). */
export const GATEWAY_ANSWER_SOURCE = 'model_request.response.choices.0.message.content';

const TERMINAL_STATES: readonly string[] = ['succeeded', 'failed'];

/**
 * An AGL 1.0 rollout seen through the 0.x `Rollout` shape the evaluators and filters read:
 * `start_time` is its creation time, `end_time` its last update once finished, `mode` follows
 * `is_train`. Pure.
 */
export function rolloutView(rollout: Rollout1): Rollout {
  const { status } = rollout;
  const finished = TERMINAL_STATES.includes(status.state);
  return {
    rollout_id: rollout.rollout_id,
    input: rollout.input,
    start_time: status.created_at,
    end_time: finished ? status.updated_at : null,
    mode: rollout.is_train ? 'train' : 'val',
    resources_id: null,
    status: status.state,
    config: {
      timeout_seconds: rollout.config.timeout_seconds ?? null,
      unresponsive_seconds: null,
      max_attempts: 1,
      retry_condition: [],
    },
    metadata: { ...rollout.metadata },
  };
}

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
  const view = rolloutView(rollout);
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
