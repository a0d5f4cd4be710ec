import type { Attributes } from '@opentelemetry/api';

/** What the exporter can see of a span when it starts or ends. */
export interface SpanShape {
  name: string;
  attributes: Attributes;
}

/** Decides whether a span is an agent run (the root of a rollout). */
export type AgentSpanPredicate = (span: SpanShape) => boolean;

const AGENT_NAME_HEURISTIC = /agent|generate|mastra/i;

/**
 * The default agent test. GenAI semantic conventions win: `gen_ai.operation.name` is
 * `invoke_agent` on an agent run and something else on every other GenAI span. Spans without it
 * (other frameworks, or Mastra spans at start, before the bridge sets attributes) fall back to a
 * name heuristic: agent, generate or mastra.
 */
export const isAgentSpan: AgentSpanPredicate = (span) => {
  const operation = span.attributes['gen_ai.operation.name'];
  if (typeof operation === 'string') return operation === 'invoke_agent';
  return AGENT_NAME_HEURISTIC.test(span.name);
};
