import { invalidRequest } from '../api-error.ts';
import {
  type ConversationMessage,
  type ModelRequest,
  message,
  type OutputFormat,
  type ToolCall,
} from '../policy/conversation.ts';
import { isRecord } from '../schema/json-schema.ts';
import { parseOfferedTools, parseToolChoice } from './offered-tools.ts';
import {
  describeType,
  type Fields,
  oneOf,
  optionalArray,
  optionalBoolean,
  optionalObject,
  optionalString,
  requireObject,
  requireString,
} from './read-fields.ts';

export interface ChatRequestOptions {
  readonly model: string | undefined;
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** vLLM's extension: answer with prompt and completion token ids. */
  readonly returnTokenIds: boolean;
  readonly logprobs: boolean;
}

export interface ParsedChatRequest {
  readonly request: ModelRequest;
  readonly options: ChatRequestOptions;
}

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;

/** Reads a `POST /v1/chat/completions` body; throws an {@link ApiError} naming what is wrong. */
export function parseChatRequest(body: unknown): ParsedChatRequest {
  const fields = requireObject(body, 'body', 'a JSON object');
  const rawMessages = optionalArray(fields, 'messages');
  if (rawMessages === undefined) {
    throw invalidRequest(
      `Missing required parameter: 'messages'. Send an array such as [{"role":"user","content":"Hello"}].`,
      'messages',
      'missing_required_parameter',
    );
  }
  if (rawMessages.length === 0) {
    throw invalidRequest(
      "'messages' must contain at least one message.",
      'messages',
      'empty_array',
    );
  }
  const messages = rawMessages.map((item, index) => parseMessage(item, `messages[${index}]`));
  const tools = parseOfferedTools(optionalArray(fields, 'tools'), (tool, param) =>
    (tool.type ?? 'function') === 'function'
      ? { fields: requireObject(tool.function, `${param}.function`), param: `${param}.function` }
      : null,
  );
  const streamOptions = optionalObject(fields, 'stream_options');
  return {
    request: {
      messages,
      tools,
      toolChoice: parseToolChoice(fields.tool_choice, tools, (choice) =>
        isRecord(choice.function) && typeof choice.function.name === 'string'
          ? choice.function.name
          : undefined,
      ),
      parallelToolCalls: optionalBoolean(fields, 'parallel_tool_calls') ?? true,
      output: parseResponseFormat(optionalObject(fields, 'response_format')),
    },
    options: {
      model: optionalString(fields, 'model'),
      stream: optionalBoolean(fields, 'stream') ?? false,
      includeUsage:
        streamOptions === undefined
          ? false
          : (optionalBoolean(streamOptions, 'include_usage', 'stream_options.include_usage') ??
            false),
      returnTokenIds: optionalBoolean(fields, 'return_token_ids') ?? false,
      logprobs: optionalBoolean(fields, 'logprobs') ?? false,
    },
  };
}

function parseMessage(value: unknown, param: string): ConversationMessage {
  const fields = requireObject(value, param);
  const role = oneOf(requireString(fields, 'role', `${param}.role`), ROLES, `${param}.role`);
  const text = contentText(fields.content, `${param}.content`);
  switch (role) {
    case 'system':
    case 'developer':
      return message('system', text);
    case 'user':
      return message('user', text);
    case 'assistant':
      return message('assistant', text, { toolCalls: parseToolCalls(fields, param) });
    case 'tool':
      return message('tool', text, {
        toolCallId: requireString(fields, 'tool_call_id', `${param}.tool_call_id`),
      });
    case 'function':
      // The legacy function role names the function instead of a call id.
      return message('tool', text, {
        toolCallId: optionalString(fields, 'name', `${param}.name`) ?? '',
      });
  }
}

/** The text of a message's content: a string, null, or an array of content parts. */
export function contentText(content: unknown, param: string): string {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) {
    throw invalidRequest(
      `'${param}' must be a string or an array of content parts, got ${describeType(content)}.`,
      param,
      'invalid_type',
    );
  }
  const texts: string[] = [];
  content.forEach((part, index) => {
    if (typeof part === 'string') texts.push(part);
    else if (!isRecord(part)) {
      throw invalidRequest(
        `'${param}[${index}]' must be a content part object.`,
        `${param}[${index}]`,
      );
    } else if (typeof part.text === 'string') texts.push(part.text);
    else if (typeof part.refusal === 'string') texts.push(part.refusal);
  });
  return texts.join('\n');
}

function parseToolCalls(fields: Fields, param: string): ToolCall[] {
  const calls = optionalArray(fields, 'tool_calls', `${param}.tool_calls`) ?? [];
  return calls.map((value, index) => {
    const callParam = `${param}.tool_calls[${index}]`;
    const call = requireObject(value, callParam);
    const fn = requireObject(call.function, `${callParam}.function`);
    return {
      id: requireString(call, 'id', `${callParam}.id`),
      name: requireString(fn, 'name', `${callParam}.function.name`),
      arguments: argumentsText(fn.arguments),
    };
  });
}

export function argumentsText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '{}';
  return JSON.stringify(value);
}

function parseResponseFormat(format: Fields | undefined): OutputFormat {
  if (format === undefined) return { type: 'text' };
  const type = oneOf(
    requireString(format, 'type', 'response_format.type'),
    ['text', 'json_object', 'json_schema'] as const,
    'response_format.type',
  );
  if (type !== 'json_schema') return { type };
  const spec = format.json_schema;
  if (!isRecord(spec)) {
    throw invalidRequest(
      "'response_format.json_schema' is required when the type is 'json_schema': " +
        'send { "name": "...", "schema": { ... } }.',
      'response_format.json_schema',
      'missing_required_parameter',
    );
  }
  return {
    type: 'json_schema',
    name: typeof spec.name === 'string' ? spec.name : 'response',
    schema: spec.schema ?? {},
  };
}
