import type { Attributes } from '@opentelemetry/api';
import { type ChatMessage, parseMessages, type ToolCall } from './messages.ts';
import {
  asJsonText,
  isRecord,
  parseJson,
  readJson,
  readNumber,
  readString,
} from './read-attribute.ts';
import { parseToolDefinitions, type ToolDefinition } from './tools.ts';

// The Vercel AI SDK's built-in telemetry (`experimental_telemetry: { isEnabled: true }`, AI SDK
// 4–6): `ai.generateText` / `ai.streamText` (…Object) wrap one `….doGenerate` / `….doStream`
// span per model call and one `ai.toolCall` span per tool execution, all siblings.

export const AI_SDK_OPERATION_ID = 'ai.operationId';
const MODEL_CALL_OPERATIONS = new Set([
  'ai.generateText.doGenerate',
  'ai.streamText.doStream',
  'ai.generateObject.doGenerate',
  'ai.streamObject.doStream',
]);
/** The top-level calls: each one is a whole run when nothing wraps it. */
export const AI_SDK_RUN_OPERATIONS = new Set([
  'ai.generateText',
  'ai.streamText',
  'ai.generateObject',
  'ai.streamObject',
]);

export interface AiSdkModelCall {
  prompt: ChatMessage[];
  completion: ChatMessage[];
  tools: ToolDefinition[];
  model: string | undefined;
  responseId: string | undefined;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
}

export interface AiSdkToolCall {
  id: string;
  name: string;
  /** JSON text of the arguments. */
  arguments: string;
}

export function isAiSdkModelCall(attributes: Attributes): boolean {
  const operation = attributes[AI_SDK_OPERATION_ID];
  return typeof operation === 'string' && MODEL_CALL_OPERATIONS.has(operation);
}

export function isAiSdkToolCall(attributes: Attributes): boolean {
  return (
    attributes[AI_SDK_OPERATION_ID] === 'ai.toolCall' &&
    readString(attributes, 'ai.toolCall.id') !== undefined
  );
}

/**
 * One model call: `ai.prompt.messages` is the prompt in the AI SDK's provider format (what the
 * provider turned into its request), `ai.prompt.tools` the tool definitions (one JSON text each),
 * `ai.response.text` / `.toolCalls` / `.reasoning` the completion.
 */
export function readAiSdkModelCall(attributes: Attributes): AiSdkModelCall {
  const completion: ChatMessage = { role: 'assistant' };
  const text =
    readString(attributes, 'ai.response.text') ?? readString(attributes, 'ai.response.object');
  const toolCalls = parseAiSdkToolCalls(readJson(attributes, 'ai.response.toolCalls'));
  if (text !== undefined || toolCalls.length === 0) completion.content = text ?? '';
  if (toolCalls.length > 0) completion.toolCalls = toolCalls;
  const reasoning = readString(attributes, 'ai.response.reasoning');
  if (reasoning !== undefined) completion.reasoning = reasoning;
  const finishReason = readString(attributes, 'ai.response.finishReason');
  if (finishReason !== undefined) completion.finishReason = openAiFinishReason(finishReason);
  return {
    prompt: parseMessages(readJson(attributes, 'ai.prompt.messages')),
    completion: [completion],
    tools: parseToolDefinitions(readToolList(attributes['ai.prompt.tools'])),
    model: readString(attributes, 'ai.response.model') ?? readString(attributes, 'ai.model.id'),
    responseId: readString(attributes, 'ai.response.id'),
    inputTokens:
      readNumber(attributes, 'ai.usage.inputTokens') ??
      readNumber(attributes, 'ai.usage.promptTokens'),
    outputTokens:
      readNumber(attributes, 'ai.usage.outputTokens') ??
      readNumber(attributes, 'ai.usage.completionTokens'),
  };
}

/** The tool call an `ai.toolCall` span executed. */
export function readAiSdkToolCall(attributes: Attributes): AiSdkToolCall | undefined {
  const id = readString(attributes, 'ai.toolCall.id');
  const name = readString(attributes, 'ai.toolCall.name');
  if (id === undefined || name === undefined) return undefined;
  const args = attributes['ai.toolCall.args'] ?? attributes['ai.toolCall.input'];
  return { id, name, arguments: args === undefined ? '{}' : asJsonText(args) };
}

/** `ai.response.toolCalls`: `[{toolCallId, toolName, input}]` (`args` before AI SDK 5). */
function parseAiSdkToolCalls(source: unknown): ToolCall[] {
  if (!Array.isArray(source)) return [];
  return source.flatMap((call) => {
    if (!isRecord(call) || typeof call.toolCallId !== 'string') return [];
    return [
      {
        id: call.toolCallId,
        name: typeof call.toolName === 'string' ? call.toolName : '',
        arguments: asJsonText(call.input ?? call.args ?? {}),
      },
    ];
  });
}

/** `ai.prompt.tools` is a string array attribute holding one JSON text per tool. */
function readToolList(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => (typeof entry === 'string' ? parseJson(entry) : entry));
}

/** The AI SDK's unified finish reasons, as OpenAI names them. */
function openAiFinishReason(reason: string): string {
  switch (reason) {
    case 'tool-calls':
      return 'tool_calls';
    case 'content-filter':
      return 'content_filter';
    default:
      return reason;
  }
}
