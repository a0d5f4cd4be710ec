import type { Rollout, Span } from '@agl/client';
import {
  compareByEnd,
  findAgentSpan,
  isLlmCall,
  isRecord,
  nearestAgent,
  parseJson,
  stringAttribute,
} from './span-lookup.ts';
import type { AgentOutput } from './types.ts';

const AGENT_RUN_OUTPUT = 'mastra.agent_run.output';
const AGENT_RUN_INPUT = 'mastra.agent_run.input';
const GENERATION_OUTPUT = 'mastra.model_generation.output';
const COMPLETION_CONTENT = 'gen_ai.completion.0.content';

const NO_OUTPUT: AgentOutput = { text: null, structured: undefined, source: null };

/**
 * The agent's final answer, read from its spans, first source that has one:
 * 1. the agent span's `mastra.agent_run.output` (`{ text, object? }`),
 * 2. the agent's last `model_generation` span (`mastra.model_generation.output`),
 * 3. the completion of the agent's last LLM call (`gen_ai.completion.0.content`).
 * A text answer that is a JSON object counts as the structured answer too.
 */
export function agentOutput(rollout: Rollout, spans: readonly Span[]): AgentOutput {
  const agent = findAgentSpan(rollout, spans);
  const candidates: Array<{ span: Span; key: string }> = [];
  if (agent) {
    candidates.push({ span: agent, key: AGENT_RUN_OUTPUT });
    const generations = spans
      .filter(
        (span) => span.parent_id === agent.span_id && stringAttribute(span, GENERATION_OUTPUT),
      )
      .sort(compareByEnd);
    const lastGeneration = generations.at(-1);
    if (lastGeneration) candidates.push({ span: lastGeneration, key: GENERATION_OUTPUT });
  }
  const lastCall = lastAgentLlmCall(spans, agent);
  if (lastCall) candidates.push({ span: lastCall, key: COMPLETION_CONTENT });

  for (const { span, key } of candidates) {
    const found = readOutput(span, key);
    if (found) return found;
  }
  return NO_OUTPUT;
}

/** The task as text: a string rollout input, else the agent span's input, else the input as JSON. */
export function agentInputText(rollout: Rollout, spans: readonly Span[]): string | null {
  if (typeof rollout.input === 'string' && rollout.input.trim() !== '') return rollout.input;
  const agent = findAgentSpan(rollout, spans);
  const fromSpan = agent ? stringAttribute(agent, AGENT_RUN_INPUT) : null;
  if (fromSpan !== null) return fromSpan;
  if (rollout.input === null || rollout.input === undefined) return null;
  return JSON.stringify(rollout.input);
}

function lastAgentLlmCall(spans: readonly Span[], agent: Span | null): Span | null {
  const byId = new Map(spans.map((span) => [span.span_id, span]));
  const calls = spans
    .filter((span) => isLlmCall(span))
    .filter((span) => agent === null || nearestAgent(span, byId)?.span_id === agent.span_id)
    .sort(compareByEnd);
  return calls.at(-1) ?? null;
}

function readOutput(span: Span, key: string): AgentOutput | null {
  const raw = stringAttribute(span, key);
  if (raw === null) return null;
  if (key === COMPLETION_CONTENT) return fromText(raw, key);
  const parsed = parseJson(raw);
  if (!isRecord(parsed)) return fromText(raw, key);
  const text = typeof parsed.text === 'string' && parsed.text !== '' ? parsed.text : null;
  if (parsed.object !== undefined && parsed.object !== null) {
    return { text: text ?? JSON.stringify(parsed.object), structured: parsed.object, source: key };
  }
  return text === null ? null : fromText(text, key);
}

function fromText(text: string, source: string): AgentOutput {
  const parsed = parseJson(text);
  return { text, structured: isRecord(parsed) ? parsed : undefined, source };
}
