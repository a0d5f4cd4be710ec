import type { Span } from '@agl/client';
import { type Grouped, type GroupedObject, groupGenai, isEmpty } from './group-genai.ts';

export interface ToolCall {
  id: unknown;
  type: unknown;
  function: { name: unknown; arguments: unknown };
}

export type ChatMessage =
  | { role: 'system' | 'developer' | 'user'; content: unknown }
  | { role: 'tool'; content: unknown; tool_call_id: string }
  | { role: 'assistant'; content: unknown; tool_calls?: ToolCall[] };

export interface ToolDefinition {
  type: 'function';
  function: { name: unknown; description: unknown; parameters: unknown };
}

/** One record of AGL's `TraceToMessages`: an OpenAI fine-tuning example. */
export interface OpenAiMessages {
  messages: ChatMessage[];
  tools: ToolDefinition[] | null;
}

/** A span whose GenAI attributes AGL's `TraceToMessages` cannot turn into messages (it raises). */
export class MessageShapeError extends Error {
  override readonly name = 'MessageShapeError';
}

const PLAIN_ROLES = new Set(['system', 'developer', 'user']);

/**
 * What AGL's `TraceToMessages` (0.2 and 0.3 behave the same) makes of one span: null when the
 * span has no `gen_ai.prompt.*`, `gen_ai.completion.*`, `gen_ai.request.*` or
 * `gen_ai.response.*` attribute; else the prompt messages, the assistant completions (with the
 * tool calls of the span's child spans that carry `tool.*` attributes) and the tool definitions
 * of `gen_ai.request.functions`. Throws `MessageShapeError` where AGL's adapter raises.
 */
export function spanMessages(span: Span, children: readonly Span[]): OpenAiMessages | null {
  const prompt = groupGenai(span.attributes, 'gen_ai.prompt');
  const completion = groupGenai(span.attributes, 'gen_ai.completion');
  const request = groupGenai(span.attributes, 'gen_ai.request');
  const response = groupGenai(span.attributes, 'gen_ai.response');
  if (!isEmpty(prompt) && !Array.isArray(prompt)) throw shape(span, 'gen_ai.prompt is not a list');
  if (!isEmpty(completion) && !Array.isArray(completion)) {
    throw shape(span, 'gen_ai.completion is not a list');
  }
  if (Array.isArray(request)) throw shape(span, 'gen_ai.request is a list');
  if (Array.isArray(response)) throw shape(span, 'gen_ai.response is a list');
  if (isEmpty(prompt) && isEmpty(completion) && isEmpty(request) && isEmpty(response)) return null;

  const toolCalls = children
    .map((child) => groupGenai(child.attributes, 'tool'))
    .filter((tool) => !isEmpty(tool));
  for (const tool of toolCalls) {
    if (Array.isArray(tool)) throw shape(span, 'a child span has numbered tool.* attributes');
  }
  const messages: ChatMessage[] = [];
  for (const entry of asList(prompt)) messages.push(promptMessage(span, entry));
  for (const entry of asList(completion)) {
    const message = completionMessage(span, entry, toolCalls as GroupedObject[]);
    if (message) messages.push(message);
  }
  return { messages, tools: toolDefinitions(span, request) };
}

/** AGL's `TraceToMessages().adapt(spans)`: one record per span with GenAI attributes, in order. */
export function traceToMessages(spans: readonly Span[]): OpenAiMessages[] {
  const children = childrenByParent(spans);
  const records: OpenAiMessages[] = [];
  for (const span of spans) {
    const record = spanMessages(span, children.get(span.span_id) ?? []);
    if (record) records.push(record);
  }
  return records;
}

/** Spans grouped by `parent_id`, in order. */
export function childrenByParent(spans: readonly Span[]): Map<string, Span[]> {
  const children = new Map<string, Span[]>();
  for (const span of spans) {
    if (span.parent_id === null) continue;
    const list = children.get(span.parent_id) ?? [];
    list.push(span);
    children.set(span.parent_id, list);
  }
  return children;
}

function promptMessage(span: Span, entry: unknown): ChatMessage {
  if (!isObject(entry)) throw shape(span, 'a gen_ai.prompt entry is not an object');
  const role = entry.role;
  if (role === 'assistant' && 'tool_calls' in entry) {
    const calls = entry.tool_calls;
    if (!Array.isArray(calls)) throw shape(span, 'gen_ai.prompt tool_calls are not a list');
    return {
      role: 'assistant',
      content: null,
      tool_calls: calls.map((call) => {
        if (!isObject(call) || !('id' in call && 'name' in call && 'arguments' in call)) {
          throw shape(span, 'a gen_ai.prompt tool call lacks id, name or arguments');
        }
        return {
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        };
      }),
    };
  }
  const content = 'content' in entry ? entry.content : '';
  if (typeof role !== 'string') throw shape(span, 'a gen_ai.prompt entry has no role');
  if (!validContent(role, content)) {
    throw shape(
      span,
      `the content of a "${role}" gen_ai.prompt entry is not text or content parts`,
    );
  }
  if (PLAIN_ROLES.has(role)) return { role: role as 'system' | 'developer' | 'user', content };
  if (role === 'assistant') return { role, content };
  if (role === 'tool') {
    const id = entry.tool_call_id;
    if (typeof id !== 'string')
      throw shape(span, 'a "tool" gen_ai.prompt entry has no tool_call_id');
    return { role, content, tool_call_id: id };
  }
  throw shape(span, `"${role}" is not an OpenAI chat role`);
}

function completionMessage(
  span: Span,
  entry: unknown,
  tools: readonly GroupedObject[],
): ChatMessage | null {
  if (!isObject(entry) || entry.role !== 'assistant') return null;
  const content = entry.content ?? null;
  if (tools.length === 0) return { role: 'assistant', content };
  return {
    role: 'assistant',
    content,
    tool_calls: tools.map((tool) => {
      const call = tool.call;
      if (
        !isObject(call) ||
        !('id' in call && 'type' in call) ||
        !('name' in tool && 'parameters' in tool)
      ) {
        throw shape(
          span,
          'a child tool span lacks tool.name, tool.parameters, tool.call.id or tool.call.type',
        );
      }
      return {
        id: call.id,
        type: call.type,
        function: { name: tool.name, arguments: tool.parameters },
      };
    }),
  };
}

function toolDefinitions(span: Span, request: Grouped): ToolDefinition[] | null {
  if (Array.isArray(request) || !('functions' in request)) return null;
  const functions = request.functions;
  if (!Array.isArray(functions)) throw shape(span, 'gen_ai.request.functions is not a list');
  return functions.map((fn) => {
    if (!isObject(fn) || !('name' in fn && 'parameters' in fn)) {
      throw shape(span, 'a gen_ai.request.functions entry lacks name or parameters');
    }
    let parameters = fn.parameters;
    if (typeof parameters === 'string') {
      try {
        parameters = JSON.parse(parameters);
      } catch {
        throw shape(span, `the parameters of tool ${String(fn.name)} are not JSON`);
      }
    }
    return {
      type: 'function',
      function: {
        name: fn.name,
        description: 'description' in fn ? fn.description : '',
        parameters,
      },
    };
  });
}

/** Text, or (for content parts) a list of objects; null only for an assistant. */
function validContent(role: string, content: unknown): boolean {
  if (typeof content === 'string') return true;
  if (content === null || content === undefined) return role === 'assistant';
  return Array.isArray(content) && content.every(isObject);
}

function asList(value: Grouped): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is GroupedObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shape(span: Span, problem: string): MessageShapeError {
  return new MessageShapeError(`span ${span.span_id} (${span.name}): ${problem}`);
}
