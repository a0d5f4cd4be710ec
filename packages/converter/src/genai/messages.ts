import { asJsonText, isRecord } from './read-attribute.ts';

/** One chat message in the shape AGL's TraceToMessages rebuilds (OpenAI chat format). */
export interface ChatMessage {
  role: string;
  /** Absent for an assistant turn that only calls tools. */
  content?: string;
  toolCalls?: ToolCall[];
  /** Set on every `tool` message (empty when the source did not record the id). */
  toolCallId?: string;
  reasoning?: string;
  finishReason?: string;
}

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text, as OpenAI's `function.arguments`. */
  arguments: string;
}

/** Emits one attribute; the caller skips keys the span already has. */
export type PutAttribute = (
  key: string,
  value: string | number | boolean | string[] | number[],
) => void;

interface MessageParts {
  text: string | undefined;
  reasoning: string | undefined;
  images: string[];
  toolCalls: ToolCall[];
  toolResponses: Array<{ id: string; content: string }>;
}

/**
 * Messages from the GenAI conventions' `gen_ai.input.messages` / `gen_ai.output.messages`
 * (`[{role, parts: [{type: "text", content}, {type: "tool_call", id, name, arguments},
 * {type: "tool_call_response", id, response}, …]}]`), also accepting plain `content` strings
 * (Mastra's `mastra.model_step.input`) and AI SDK content arrays. Tool responses become one
 * `tool` message each, as the OpenAI format needs. Anything unreadable is skipped.
 */
export function parseMessages(source: unknown): ChatMessage[] {
  if (!Array.isArray(source)) return [];
  const messages: ChatMessage[] = [];
  for (const entry of source) {
    if (!isRecord(entry) || typeof entry.role !== 'string' || entry.role === '') continue;
    const parts = collectParts(entry);
    const finishReason = typeof entry.finish_reason === 'string' ? entry.finish_reason : undefined;
    const isToolMessage = entry.role === 'tool';
    if (!isToolMessage || parts.toolResponses.length === 0) {
      const message: ChatMessage = { role: entry.role };
      const content = messageContent(parts);
      if (content !== undefined) message.content = content;
      else if (parts.toolCalls.length === 0) message.content = '';
      if (parts.toolCalls.length > 0) message.toolCalls = parts.toolCalls;
      if (isToolMessage) message.toolCallId = stringOr(entry.tool_call_id, '');
      if (parts.reasoning !== undefined) message.reasoning = parts.reasoning;
      if (finishReason !== undefined) message.finishReason = finishReason;
      messages.push(message);
    }
    for (const response of parts.toolResponses) {
      messages.push({ role: 'tool', content: response.content, toolCallId: response.id });
    }
  }
  return messages;
}

/** Mastra's `mastra.model_step.output`: `{text, toolCalls: [{toolCallId, toolName, args}]}`. */
export function parseMastraStepOutput(source: unknown): ChatMessage[] {
  if (!isRecord(source)) return [];
  const message: ChatMessage = { role: 'assistant' };
  const toolCalls = Array.isArray(source.toolCalls)
    ? source.toolCalls.flatMap((call) => (isRecord(call) ? [toolCallFrom(call)] : []))
    : [];
  const text = typeof source.text === 'string' ? source.text : '';
  if (text !== '' || toolCalls.length === 0) message.content = text;
  if (toolCalls.length > 0) message.toolCalls = toolCalls;
  if (typeof source.reasoningText === 'string' && source.reasoningText !== '') {
    message.reasoning = source.reasoningText;
  }
  return [message];
}

/** Writes `prefix.{i}.role`, `.content`, `.tool_call_id`, `.reasoning_content`,
 * `.finish_reason` and `.tool_calls.{j}.id/name/arguments`. */
export function writeIndexedMessages(
  prefix: string,
  messages: readonly ChatMessage[],
  put: PutAttribute,
): void {
  messages.forEach((message, index) => {
    const base = `${prefix}.${index}`;
    put(`${base}.role`, message.role);
    if (message.content !== undefined) put(`${base}.content`, message.content);
    if (message.toolCallId !== undefined) put(`${base}.tool_call_id`, message.toolCallId);
    if (message.reasoning !== undefined) put(`${base}.reasoning_content`, message.reasoning);
    if (message.finishReason !== undefined) put(`${base}.finish_reason`, message.finishReason);
    message.toolCalls?.forEach((call, callIndex) => {
      const callBase = `${base}.tool_calls.${callIndex}`;
      put(`${callBase}.id`, call.id);
      put(`${callBase}.name`, call.name);
      put(`${callBase}.arguments`, call.arguments);
    });
  });
}

function collectParts(entry: Record<string, unknown>): MessageParts {
  const parts: MessageParts = {
    text: undefined,
    reasoning: undefined,
    images: [],
    toolCalls: [],
    toolResponses: [],
  };
  if (typeof entry.content === 'string') parts.text = entry.content;
  if (Array.isArray(entry.tool_calls)) {
    for (const call of entry.tool_calls) {
      if (!isRecord(call)) continue;
      parts.toolCalls.push(
        toolCallFrom(isRecord(call.function) ? { ...call.function, id: call.id } : call),
      );
    }
  }
  const list = Array.isArray(entry.parts) ? entry.parts : entry.content;
  if (!Array.isArray(list)) return parts;
  for (const part of list) {
    if (typeof part === 'string') {
      parts.text = (parts.text ?? '') + part;
      continue;
    }
    if (!isRecord(part)) continue;
    switch (part.type) {
      case 'text': {
        const text = stringOr(part.content ?? part.text, '');
        parts.text = (parts.text ?? '') + text;
        break;
      }
      case 'reasoning':
      case 'thinking': {
        const text = stringOr(part.content ?? part.text, '');
        parts.reasoning = (parts.reasoning ?? '') + text;
        break;
      }
      case 'tool_call':
      case 'tool-call':
        parts.toolCalls.push(toolCallFrom(part));
        break;
      case 'tool_call_response':
      case 'tool-result':
        parts.toolResponses.push({
          id: stringOr(part.id ?? part.toolCallId, ''),
          content: toolResponseText(part.response ?? part.output ?? part.result),
        });
        break;
      default: {
        const image = imageUrl(part);
        if (image !== undefined) parts.images.push(image);
      }
    }
  }
  return parts;
}

function toolCallFrom(part: Record<string, unknown>): ToolCall {
  return {
    id: stringOr(part.id ?? part.toolCallId, ''),
    name: stringOr(part.name ?? part.toolName, ''),
    arguments: asJsonText(part.arguments ?? part.input ?? part.args ?? {}),
  };
}

/**
 * The text of a tool result as an OpenAI-compatible provider sends it: AI SDK outputs
 * (`{type, value}`) are unwrapped, text kept as it is and JSON (errors too) serialised.
 */
function toolResponseText(response: unknown): string {
  if (isRecord(response) && typeof response.type === 'string' && 'value' in response) {
    if (response.type === 'text' || response.type === 'error-text') {
      return asJsonText(response.value);
    }
    return JSON.stringify(response.value) ?? '';
  }
  return asJsonText(response ?? '');
}

/** An image part as a URL (`uri` parts) or a data URL (`blob` parts with base64 content). */
function imageUrl(part: Record<string, unknown>): string | undefined {
  const mimeType = stringOr(part.mime_type ?? part.mediaType, '');
  const isImage =
    part.modality === 'image' || mimeType.startsWith('image/') || part.type === 'image';
  if (!isImage) return undefined;
  if (typeof part.uri === 'string') return part.uri;
  if (typeof part.url === 'string') return part.url;
  if (part.type === 'blob' && typeof part.content === 'string') {
    return `data:${mimeType || 'image/*'};base64,${part.content}`;
  }
  return undefined;
}

/** Text alone stays a string; with images it becomes OpenAI content parts as JSON text, which
 * AGL 0.3's triplet adapter scans for `image_url` entries. */
function messageContent(parts: MessageParts): string | undefined {
  if (parts.images.length === 0) return parts.text;
  const content: unknown[] = [];
  if (parts.text !== undefined && parts.text !== '')
    content.push({ type: 'text', text: parts.text });
  for (const url of parts.images) content.push({ type: 'image_url', image_url: { url } });
  return JSON.stringify(content);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
