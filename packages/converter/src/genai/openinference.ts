import type { Attributes } from '@opentelemetry/api';
import { readLangChainCall } from './langchain.ts';
import { type ChatMessage, parseMessages, type ToolCall } from './messages.ts';
import { isRecord, parseJson, readJson, readNumber, readString } from './read-attribute.ts';
import { parseToolDefinitions, type ToolDefinition } from './tools.ts';

// OpenInference (Arize) instrumentations (`@arizeai/openinference-instrumentation-openai`,
// `-langchain`, …): an LLM span carries `openinference.span.kind = LLM`, the request as
// `input.value` (JSON), indexed `llm.input_messages.{i}.message.*` / `llm.output_messages.*`,
// `llm.tools.{i}.tool.json_schema`, `llm.token_count.*` and `llm.model_name`.

export const OPENINFERENCE_SPAN_KIND = 'openinference.span.kind';

export interface OpenInferenceModelCall {
  prompt: ChatMessage[];
  completion: ChatMessage[];
  tools: ToolDefinition[];
  model: string | undefined;
  responseId: string | undefined;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
}

export function isOpenInferenceModelCall(attributes: Attributes): boolean {
  return (
    attributes[OPENINFERENCE_SPAN_KIND] === 'LLM' &&
    (attributes['llm.input_messages.0.message.role'] !== undefined ||
      attributes['llm.output_messages.0.message.role'] !== undefined)
  );
}

/**
 * One model call. The prompt is the request's own `messages` when `input.value` holds the
 * OpenAI request (exactly what was sent), else the indexed input messages.
 */
export function readOpenInferenceModelCall(attributes: Attributes): OpenInferenceModelCall {
  const request = readJsonRequest(attributes, 'input');
  const response = readJsonRequest(attributes, 'output');
  const langChain = readLangChainCall(attributes);
  const requestMessages =
    request && Array.isArray(request.messages) && isRecord(request.messages[0])
      ? request.messages
      : undefined;
  const prompt =
    langChain?.prompt ??
    (requestMessages
      ? parseMessages(requestMessages)
      : readIndexedMessages(attributes, 'llm.input_messages'));
  const completion = langChain?.completion.length
    ? langChain.completion
    : readIndexedMessages(attributes, 'llm.output_messages');
  const finishReason = readString(attributes, 'llm.finish_reason');
  const last = completion.at(-1);
  if (last && finishReason !== undefined) last.finishReason = finishReason;
  for (const message of completion) {
    if (message.content === '' && message.toolCalls !== undefined) delete message.content;
  }
  const toolSource =
    request && Array.isArray(request.tools) ? request.tools : readIndexedTools(attributes);
  return {
    prompt,
    completion,
    tools: parseToolDefinitions(toolSource),
    model: readString(attributes, 'llm.model_name'),
    responseId:
      langChain?.responseId ??
      (response && typeof response.id === 'string' ? response.id : undefined),
    inputTokens: readNumber(attributes, 'llm.token_count.prompt'),
    outputTokens: readNumber(attributes, 'llm.token_count.completion'),
  };
}

function readJsonRequest(attributes: Attributes, prefix: 'input' | 'output') {
  if (attributes[`${prefix}.mime_type`] !== 'application/json') return undefined;
  const value = readJson(attributes, `${prefix}.value`);
  return isRecord(value) ? value : undefined;
}

/** `prefix.{i}.message.role / .content / .contents.{j}.message_content.text /
 * .tool_call_id / .tool_calls.{j}.tool_call.{id, function.name, function.arguments}`. */
function readIndexedMessages(attributes: Attributes, prefix: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (let index = 0; ; index++) {
    const base = `${prefix}.${index}.message`;
    const role = readString(attributes, `${base}.role`);
    if (role === undefined) break;
    const message: ChatMessage = { role };
    const content = attributes[`${base}.content`];
    const toolCalls = readIndexedToolCalls(attributes, `${base}.tool_calls`);
    if (typeof content === 'string') message.content = content;
    else {
      const text = readContentsText(attributes, `${base}.contents`);
      if (text !== '' || toolCalls.length === 0) message.content = text;
    }
    if (toolCalls.length > 0) message.toolCalls = toolCalls;
    const toolCallId = readString(attributes, `${base}.tool_call_id`);
    if (toolCallId !== undefined || role === 'tool') message.toolCallId = toolCallId ?? '';
    messages.push(message);
  }
  return messages;
}

function readContentsText(attributes: Attributes, prefix: string): string {
  let text = '';
  for (let index = 0; ; index++) {
    const type = attributes[`${prefix}.${index}.message_content.type`];
    if (type === undefined) break;
    const part = attributes[`${prefix}.${index}.message_content.text`];
    if (type === 'text' && typeof part === 'string') text += part;
  }
  return text;
}

function readIndexedToolCalls(attributes: Attributes, prefix: string): ToolCall[] {
  const calls: ToolCall[] = [];
  for (let index = 0; ; index++) {
    const base = `${prefix}.${index}.tool_call`;
    const name = readString(attributes, `${base}.function.name`);
    if (name === undefined) break;
    const args = attributes[`${base}.function.arguments`];
    calls.push({
      id: readString(attributes, `${base}.id`) ?? '',
      name,
      arguments: typeof args === 'string' ? args : '{}',
    });
  }
  return calls;
}

/** `llm.tools.{i}.tool.json_schema`: one OpenAI tool definition (JSON text) each. */
function readIndexedTools(attributes: Attributes): unknown[] {
  const tools: unknown[] = [];
  for (let index = 0; ; index++) {
    const schema = attributes[`llm.tools.${index}.tool.json_schema`];
    if (typeof schema !== 'string') break;
    tools.push(parseJson(schema));
  }
  return tools;
}
