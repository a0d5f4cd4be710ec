import type { Attributes } from '@opentelemetry/api';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';
import { writeAgentName } from './agent-name.ts';
import { readAiSdkModelCall, readAiSdkToolCall } from './ai-sdk.ts';
import {
  AGL_COMPLETION,
  AGL_PROMPT,
  CONTENT_MISSING_KEY,
  DEFAULT_LLM_SPAN_NAME,
  GEN_AI_INPUT_MESSAGES,
  GEN_AI_OUTPUT_MESSAGES,
  GEN_AI_REQUEST_MODEL,
  GEN_AI_RESPONSE_FINISH_REASONS,
  GEN_AI_RESPONSE_ID,
  GEN_AI_RESPONSE_MODEL,
  GEN_AI_SYSTEM_INSTRUCTIONS,
  GEN_AI_TOOL_CALL_ID,
  GEN_AI_TOOL_DEFINITIONS,
  GEN_AI_USAGE_INPUT_TOKENS,
  GEN_AI_USAGE_OUTPUT_TOKENS,
  MASTRA_MODEL_METADATA,
  MASTRA_MODEL_STEP_INPUT,
  MASTRA_MODEL_STEP_OUTPUT,
  ORIGINAL_NAME_KEY,
} from './attribute-names.ts';
import { classifySpan } from './classify-span.ts';
import { readGenAiEventsModelCall } from './genai-log-events.ts';
import { readLangChainToolCall } from './langchain.ts';
import {
  type ChatMessage,
  type PutAttribute,
  parseMastraStepOutput,
  parseMessages,
  type ToolCall,
  writeIndexedMessages,
} from './messages.ts';
import { readOpenInferenceModelCall } from './openinference.ts';
import { isRecord, readJson, readString } from './read-attribute.ts';
import { writeResponseBodyFacts } from './response-body.ts';
import { summaryKeysOf } from './summary-keys.ts';
import {
  parseToolDefinitions,
  writeFunctions,
  writeToolCall,
  writeToolCallAttributes,
} from './tools.ts';
import { writeLegacyUsage } from './usage.ts';

export { SUMMARY_KEY_PREFIX } from '@agl/client';

export interface GenAiOptions {
  /**
   * Name given, on the AGL copy only, to spans that are one LLM call, so AGL's default
   * `llm_call_match` finds them; the original name is kept in `agl.span.original_name`.
   * `false` keeps every name. Default `openai.chat.completion`.
   */
  llmSpanName?: string | false;
}

export interface NormalizedGenAi {
  name: string;
  /** Attributes to add; never one the span already has. Undefined when there are none. */
  added: Record<string, string | number | boolean | string[] | number[]> | undefined;
  /**
   * On an LLM-call span whose tool executions are its siblings rather than its children: the
   * tool calls in its completion (AGL reads a completion's tool calls from child spans).
   */
  issuedToolCalls?: ToolCall[];
  /** On such a tool-execution span: the id of the tool call it ran. */
  executedToolCallId?: string;
  /**
   * Keys to move under `agl.summary.` on the AGL copy: a model-call summary's or an agent run's
   * `gen_ai.request.*` / `gen_ai.response.*`, which would make AGL's `TraceToMessages` return an
   * empty training record for a span that is not one whole call.
   */
  summaryKeys?: string[];
}

/**
 * Adds the attributes AGL's adapters read to a span that carries the newer GenAI conventions
 * (or Mastra's own), keeping every original attribute: indexed prompt and completion messages
 * with tool calls and ids, tool definitions, model, legacy usage counters, finish reasons,
 * `agent.name` on agent spans and `tool.*` on tool-call spans, and renames LLM-call spans.
 * `events` are the span's events, where some instrumentations put the messages.
 */
export function normalizeGenAi(
  name: string,
  attributes: Attributes,
  options: GenAiOptions = {},
  events: readonly TimedEvent[] = [],
): NormalizedGenAi {
  let added: NormalizedGenAi['added'];
  const put: PutAttribute = (key, value) => {
    if (attributes[key] !== undefined) return;
    added ??= {};
    if (!Object.hasOwn(added, key)) added[key] = value;
  };

  writeLegacyUsage(attributes, put);
  const kind = classifySpan(attributes, events);
  let isLlmCall = false;
  let issuedToolCalls: ToolCall[] | undefined;
  let executedToolCallId: string | undefined;
  let summaryKeys: string[] | undefined;
  switch (kind) {
    case 'model-call': {
      const prompt = withSystemInstructions(
        parseMessages(readJson(attributes, GEN_AI_INPUT_MESSAGES)),
        attributes,
      );
      const completion = parseMessages(readJson(attributes, GEN_AI_OUTPUT_MESSAGES));
      writeConversation(prompt, completion, attributes, put);
      writeFunctions(parseToolDefinitions(readJson(attributes, GEN_AI_TOOL_DEFINITIONS)), put);
      const model = readString(attributes, GEN_AI_RESPONSE_MODEL);
      if (model !== undefined) put(GEN_AI_REQUEST_MODEL, model);
      const issued = completion.flatMap((message) => message.toolCalls ?? []);
      if (issued.length > 0) issuedToolCalls = issued;
      isLlmCall = true;
      break;
    }
    case 'genai-events-model-call': {
      const call = readGenAiEventsModelCall(events);
      writeConversation(call.prompt, call.completion, attributes, put);
      if (call.contentMissing) put(CONTENT_MISSING_KEY, true);
      const model = readString(attributes, GEN_AI_RESPONSE_MODEL);
      if (model !== undefined) put(GEN_AI_REQUEST_MODEL, model);
      const issued = call.completion.flatMap((message) => message.toolCalls ?? []);
      if (issued.length > 0) issuedToolCalls = issued;
      isLlmCall = true;
      break;
    }
    case 'mastra-model-step': {
      const prompt = parseMessages(readJson(attributes, MASTRA_MODEL_STEP_INPUT));
      const completion = parseMastraStepOutput(readJson(attributes, MASTRA_MODEL_STEP_OUTPUT));
      writeConversation(prompt, completion, attributes, put);
      writeResponseBodyFacts(attributes, put);
      const metadata = readJson(attributes, MASTRA_MODEL_METADATA);
      if (isRecord(metadata) && typeof metadata.modelId === 'string') {
        put(GEN_AI_REQUEST_MODEL, metadata.modelId);
      }
      isLlmCall = true;
      break;
    }
    case 'ai-sdk-model-call':
    case 'openinference-model-call': {
      const call =
        kind === 'ai-sdk-model-call'
          ? readAiSdkModelCall(attributes)
          : readOpenInferenceModelCall(attributes);
      writeConversation(call.prompt, call.completion, {}, put);
      writeFunctions(call.tools, put);
      if (call.model !== undefined) put(GEN_AI_REQUEST_MODEL, call.model);
      if (call.responseId !== undefined) put(GEN_AI_RESPONSE_ID, call.responseId);
      writeLegacyUsage(
        {
          [GEN_AI_USAGE_INPUT_TOKENS]: call.inputTokens,
          [GEN_AI_USAGE_OUTPUT_TOKENS]: call.outputTokens,
        },
        put,
      );
      const issued = call.completion.flatMap((message) => message.toolCalls ?? []);
      if (issued.length > 0) issuedToolCalls = issued;
      isLlmCall = true;
      break;
    }
    case 'langchain-tool': {
      const call = readLangChainToolCall(attributes);
      if (call !== undefined) {
        // The arguments come from the model call that issued it, once it is placed under it.
        writeToolCall({ ...call, arguments: '{}' }, put);
        executedToolCallId = call.id;
      }
      break;
    }
    case 'ai-sdk-tool': {
      const call = readAiSdkToolCall(attributes);
      if (call !== undefined) {
        writeToolCall(call, put);
        executedToolCallId = call.id;
      }
      break;
    }
    case 'model-summary':
      summaryKeys = summaryKeysOf(attributes);
      break;
    case 'agent':
      writeAgentName(attributes, put);
      // An agent run is many model calls; its model and finish reasons are no training record.
      summaryKeys = summaryKeysOf(attributes);
      break;
    case 'tool':
      writeToolCallAttributes(attributes, put);
      executedToolCallId = readString(attributes, GEN_AI_TOOL_CALL_ID);
      break;
    case 'other':
      break;
  }

  const llmSpanName = options.llmSpanName ?? DEFAULT_LLM_SPAN_NAME;
  let finalName = name;
  if (isLlmCall && llmSpanName !== false && name !== llmSpanName) {
    put(ORIGINAL_NAME_KEY, name);
    finalName = llmSpanName;
  }
  const result: NormalizedGenAi = { name: finalName, added };
  if (issuedToolCalls !== undefined) result.issuedToolCalls = issuedToolCalls;
  if (executedToolCallId !== undefined) result.executedToolCallId = executedToolCallId;
  if (summaryKeys !== undefined) result.summaryKeys = summaryKeys;
  return result;
}

function writeConversation(
  prompt: ChatMessage[],
  completion: ChatMessage[],
  attributes: Attributes,
  put: PutAttribute,
): void {
  const finishReasons = readFinishReasons(attributes);
  completion.forEach((message, index) => {
    const reason = finishReasons[index];
    if (message.finishReason === undefined && reason !== undefined) message.finishReason = reason;
  });
  writeIndexedMessages(AGL_PROMPT, prompt, put);
  writeIndexedMessages(AGL_COMPLETION, completion, put);
}

/** The GenAI conventions may carry system instructions apart from the messages. */
function withSystemInstructions(prompt: ChatMessage[], attributes: Attributes): ChatMessage[] {
  if (prompt.length === 0 || prompt.some((message) => message.role === 'system')) return prompt;
  const instructions = attributes[GEN_AI_SYSTEM_INSTRUCTIONS];
  if (typeof instructions !== 'string' || instructions === '') return prompt;
  const parsed = readJson(attributes, GEN_AI_SYSTEM_INSTRUCTIONS);
  const text = Array.isArray(parsed)
    ? parsed
        .map((part) => (isRecord(part) && typeof part.content === 'string' ? part.content : ''))
        .join('')
    : instructions;
  return [{ role: 'system', content: text }, ...prompt];
}

/** `gen_ai.response.finish_reasons` as a string array attribute or as JSON text. */
function readFinishReasons(attributes: Attributes): Array<string | undefined> {
  const value = readJson(attributes, GEN_AI_RESPONSE_FINISH_REASONS);
  if (!Array.isArray(value)) {
    const single = readString(attributes, GEN_AI_RESPONSE_FINISH_REASONS);
    return single === undefined || single.startsWith('[') ? [] : [single];
  }
  return value.map((reason) => (typeof reason === 'string' ? reason : undefined));
}
