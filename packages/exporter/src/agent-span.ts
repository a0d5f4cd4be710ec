import { RUN_MARKER_KEY } from '@agl/client';
import { TRACELOOP_RUN_KINDS, TRACELOOP_RUN_SPAN_NAME, TRACELOOP_SPAN_KIND } from '@agl/converter';
import type { Attributes } from '@opentelemetry/api';

/** What the exporter can see of a span when it starts or ends. */
export interface SpanShape {
  name: string;
  attributes: Attributes;
}

/** Decides whether a span is an agent run (the root of a rollout). */
export type AgentSpanPredicate = (span: SpanShape) => boolean;

const AGENT_NAME_HEURISTIC = /agent|generate|mastra/i;

/** The AI SDK's top-level calls (built-in telemetry): a run when nothing wraps them. */
const AI_SDK_RUN_OPERATIONS = new Set([
  'ai.generateText',
  'ai.streamText',
  'ai.generateObject',
  'ai.streamObject',
]);
/** OpenInference span kinds that can root a run (a LangChain root run is a CHAIN or AGENT). */
const OPENINFERENCE_RUN_KINDS = new Set(['AGENT', 'CHAIN']);

/**
 * The default agent test; the outermost matching span of a local span tree roots the run.
 * - GenAI semantic conventions: `gen_ai.operation.name` is `invoke_agent` on an agent run
 *   (Mastra, `aglRun` of `@agl/instrumentation`) and something else on every other GenAI span.
 * - AI SDK telemetry: a top-level `ai.generateText` / `ai.streamText` / `ai.generateObject` /
 *   `ai.streamObject`; its model-call and tool spans are not runs of their own.
 * - OpenInference: `AGENT` and `CHAIN` spans (LangChain runs); OpenLLMetry: `workflow`, `agent`
 *   (`withWorkflow` / `withAgent`).
 * - Anything else falls back to the name: agent, generate or mastra (Mastra spans at start,
 *   before the bridge sets attributes), or OpenLLMetry's `<name>.workflow` (also attribute-less
 *   at start).
 */
export const isAgentSpan: AgentSpanPredicate = (span) => {
  const attributes = span.attributes;
  if (attributes[RUN_MARKER_KEY] === true) return true;
  const operation = attributes['gen_ai.operation.name'];
  if (typeof operation === 'string') return operation === 'invoke_agent';
  const aiSdkOperation = attributes['ai.operationId'];
  if (typeof aiSdkOperation === 'string') return AI_SDK_RUN_OPERATIONS.has(aiSdkOperation);
  const openInferenceKind = attributes['openinference.span.kind'];
  if (typeof openInferenceKind === 'string') {
    return OPENINFERENCE_RUN_KINDS.has(openInferenceKind.toUpperCase());
  }
  const traceloopKind = attributes[TRACELOOP_SPAN_KIND];
  if (typeof traceloopKind === 'string') return TRACELOOP_RUN_KINDS.has(traceloopKind);
  return AGENT_NAME_HEURISTIC.test(span.name) || TRACELOOP_RUN_SPAN_NAME.test(span.name);
};
