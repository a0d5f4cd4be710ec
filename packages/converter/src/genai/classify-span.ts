import type { Attributes } from '@opentelemetry/api';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';
import { isAiSdkModelCall, isAiSdkToolCall } from './ai-sdk.ts';
import {
  GEN_AI_INPUT_MESSAGES,
  GEN_AI_OPERATION_NAME,
  GEN_AI_OUTPUT_MESSAGES,
  MASTRA_SPAN_TYPE,
  MODEL_CALL_CHILD_SPANS_KEY,
} from './attribute-names.ts';
import { hasGenAiMessageEvents } from './genai-log-events.ts';
import { readLangChainToolCall } from './langchain.ts';
import { isOpenInferenceModelCall } from './openinference.ts';
import { isToolCallSpan } from './tools.ts';
import { traceloopRunName } from './traceloop-entity.ts';

/**
 * What a span is, for the normalisation:
 * - `model-call`: one call to a model with its messages (GenAI `chat`-type operation carrying
 *   `gen_ai.input.messages` or `gen_ai.output.messages`), e.g. from the model-call middleware.
 * - `genai-events-model-call`: the same operation with its messages as GenAI message events
 *   (`gen_ai.user.message`, `gen_ai.choice`, …), e.g. `@opentelemetry/instrumentation-openai`.
 * - `mastra-model-step`: Mastra's `model_step` span, one per model call, with simplified
 *   messages, its tool executions as children; the LLM call when no middleware span records it.
 * - `agent`: an agent run (`invoke_agent`).
 * - `ai-sdk-model-call`: one model call of the AI SDK's built-in telemetry (`….doGenerate`,
 *   `….doStream`).
 * - `openinference-model-call`: an OpenInference `LLM` span with its messages.
 * - `langchain-tool`: a LangChain TOOL span (OpenInference) whose output names its tool call.
 * - `tool`: one tool call (`gen_ai.tool.name` + `gen_ai.tool.call.id`).
 * - `ai-sdk-tool`: the AI SDK's `ai.toolCall` span.
 * - `model-summary`: Mastra's `model_generation` / `model_inference` span (see below), which
 *   carries `gen_ai.request.*` / `gen_ai.response.*` keys without being one whole call.
 * - `other`: everything else. That includes Mastra's other model spans, whichever of them its
 *   OTel exporter names `chat`: `model_generation` (1.3.x) summarises a whole multi-step
 *   generation (first prompt, final answer), and `model_inference` (1.4.x) has neither the
 *   prompt nor the tool calls, so neither is taken as the LLM call.
 */
export type GenAiSpanKind =
  | 'model-call'
  | 'genai-events-model-call'
  | 'mastra-model-step'
  | 'ai-sdk-model-call'
  | 'openinference-model-call'
  | 'agent'
  | 'tool'
  | 'ai-sdk-tool'
  | 'langchain-tool'
  | 'model-summary'
  | 'other';

const MODEL_CALL_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content']);
const MASTRA_MODEL_SUMMARIES = new Set(['model_generation', 'model_inference']);

export function classifySpan(
  attributes: Attributes,
  events: readonly TimedEvent[] = [],
): GenAiSpanKind {
  const mastraType = attributes[MASTRA_SPAN_TYPE];
  const operation = attributes[GEN_AI_OPERATION_NAME];
  const recordedBelow = attributes[MODEL_CALL_CHILD_SPANS_KEY] === true;
  if (isAiSdkModelCall(attributes)) return recordedBelow ? 'other' : 'ai-sdk-model-call';
  if (isAiSdkToolCall(attributes)) return 'ai-sdk-tool';
  if (readLangChainToolCall(attributes) !== undefined) return 'langchain-tool';
  if (isOpenInferenceModelCall(attributes)) {
    return recordedBelow ? 'other' : 'openinference-model-call';
  }
  if (mastraType === 'model_step') return recordedBelow ? 'other' : 'mastra-model-step';
  if (
    mastraType === 'agent_run' ||
    operation === 'invoke_agent' ||
    traceloopRunName(attributes) !== undefined
  ) {
    return 'agent';
  }
  if (typeof mastraType === 'string' && MASTRA_MODEL_SUMMARIES.has(mastraType)) {
    return 'model-summary';
  }
  if (
    typeof operation === 'string' &&
    MODEL_CALL_OPERATIONS.has(operation) &&
    mastraType === undefined &&
    !recordedBelow
  ) {
    if (
      attributes[GEN_AI_INPUT_MESSAGES] !== undefined ||
      attributes[GEN_AI_OUTPUT_MESSAGES] !== undefined
    ) {
      return 'model-call';
    }
    if (hasGenAiMessageEvents(events)) return 'genai-events-model-call';
  }
  if (isToolCallSpan(attributes)) return 'tool';
  return 'other';
}
