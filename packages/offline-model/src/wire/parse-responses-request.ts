import { ApiError, invalidRequest } from '../api-error.ts';
import {
  type ConversationMessage,
  type ModelRequest,
  message,
  type OutputFormat,
} from '../policy/conversation.ts';
import { isRecord } from '../schema/json-schema.ts';
import { parseOfferedTools, parseToolChoice } from './offered-tools.ts';
import { argumentsText, contentText } from './parse-chat-request.ts';
import {
  type Fields,
  oneOf,
  optionalArray,
  optionalBoolean,
  optionalObject,
  optionalString,
  requireObject,
  requireString,
} from './read-fields.ts';

/** Earlier responses and their output items, for `previous_response_id` and `item_reference`. */
export interface ResponseHistory {
  item(id: string): ConversationMessage | undefined;
  conversation(responseId: string): readonly ConversationMessage[] | undefined;
}

export interface ParsedResponsesRequest {
  readonly request: ModelRequest;
  readonly model: string | undefined;
  readonly stream: boolean;
  /** The request fields a Response object echoes back. */
  readonly echo: ResponsesEcho;
}

export interface ResponsesEcho {
  readonly instructions: string | null;
  readonly tools: readonly unknown[];
  readonly toolChoice: unknown;
  readonly text: unknown;
  readonly parallelToolCalls: boolean;
  readonly previousResponseId: string | null;
  readonly temperature: number | null;
  readonly topP: number | null;
  readonly maxOutputTokens: number | null;
  readonly metadata: unknown;
  readonly store: boolean;
  readonly user: string | null;
}

const MESSAGE_ROLES = ['user', 'system', 'developer', 'assistant'] as const;

/** Reads a `POST /v1/responses` body; throws an {@link ApiError} naming what is wrong. */
export function parseResponsesRequest(
  body: unknown,
  history: ResponseHistory,
): ParsedResponsesRequest {
  const fields = requireObject(body, 'body', 'a JSON object');
  const input = fields.input;
  if (input === undefined || input === null) {
    throw invalidRequest(
      `Missing required parameter: 'input'. Send a string, or an array such as ` +
        `[{"role":"user","content":"Hello"}].`,
      'input',
      'missing_required_parameter',
    );
  }
  const instructions = optionalString(fields, 'instructions') ?? null;
  const previousResponseId = optionalString(fields, 'previous_response_id') ?? null;
  const messages: ConversationMessage[] = [];
  if (instructions !== null) messages.push(message('system', instructions));
  if (previousResponseId !== null) {
    const previous = history.conversation(previousResponseId);
    if (previous === undefined) {
      throw new ApiError(400, `Previous response with id '${previousResponseId}' not found.`, {
        param: 'previous_response_id',
        code: 'previous_response_not_found',
      });
    }
    messages.push(...previous.filter((item) => item.role !== 'system'));
  }
  messages.push(...parseInput(input, history));

  const tools = parseOfferedTools(optionalArray(fields, 'tools'), (tool, param) =>
    tool.type === 'function' ? { fields: tool, param } : null,
  );
  const parallelToolCalls = optionalBoolean(fields, 'parallel_tool_calls') ?? true;
  const text = optionalObject(fields, 'text');
  return {
    request: {
      messages,
      tools,
      toolChoice: parseToolChoice(fields.tool_choice, tools, (choice) =>
        choice.type === 'function' && typeof choice.name === 'string' ? choice.name : undefined,
      ),
      parallelToolCalls,
      output: parseTextFormat(text),
    },
    model: optionalString(fields, 'model'),
    stream: optionalBoolean(fields, 'stream') ?? false,
    echo: {
      instructions,
      tools: optionalArray(fields, 'tools') ?? [],
      toolChoice: fields.tool_choice ?? 'auto',
      text: text ?? { format: { type: 'text' } },
      parallelToolCalls,
      previousResponseId,
      temperature: finiteOrNull(fields.temperature),
      topP: finiteOrNull(fields.top_p),
      maxOutputTokens: finiteOrNull(fields.max_output_tokens),
      metadata: isRecord(fields.metadata) ? fields.metadata : {},
      store: optionalBoolean(fields, 'store') ?? true,
      user: optionalString(fields, 'user') ?? null,
    },
  };
}

function parseInput(input: unknown, history: ResponseHistory): ConversationMessage[] {
  if (typeof input === 'string') return [message('user', input)];
  if (!Array.isArray(input)) {
    throw invalidRequest(
      "'input' must be a string or an array of input items.",
      'input',
      'invalid_type',
    );
  }
  const messages: ConversationMessage[] = [];
  input.forEach((value, index) => {
    const parsed = parseItem(value, `input[${index}]`, history);
    if (parsed !== undefined) messages.push(parsed);
  });
  return messages;
}

function parseItem(
  value: unknown,
  param: string,
  history: ResponseHistory,
): ConversationMessage | undefined {
  const item = requireObject(value, param, 'an input item object');
  const type = item.type === undefined ? 'message' : item.type;
  switch (type) {
    case 'message': {
      const role = oneOf(
        requireString(item, 'role', `${param}.role`),
        MESSAGE_ROLES,
        `${param}.role`,
      );
      const text = contentText(item.content, `${param}.content`);
      return message(role === 'developer' ? 'system' : role, text);
    }
    case 'function_call':
      return message('assistant', '', {
        toolCalls: [
          {
            id: requireString(item, 'call_id', `${param}.call_id`),
            name: requireString(item, 'name', `${param}.name`),
            arguments: argumentsText(item.arguments),
          },
        ],
      });
    case 'function_call_output':
      return message('tool', outputText(item.output, `${param}.output`), {
        toolCallId: requireString(item, 'call_id', `${param}.call_id`),
      });
    case 'item_reference':
      // Unknown references are skipped: this server keeps a bounded history only.
      return history.item(requireString(item, 'id', `${param}.id`));
    default:
      // Reasoning items, built-in tool calls and other kinds do not change the offline reply.
      return undefined;
  }
}

function outputText(output: unknown, param: string): string {
  if (typeof output === 'string' || Array.isArray(output)) return contentText(output, param);
  if (output === undefined || output === null) return '';
  return JSON.stringify(output);
}

function parseTextFormat(text: Fields | undefined): OutputFormat {
  const format = text === undefined ? undefined : optionalObject(text, 'format', 'text.format');
  if (format === undefined) return { type: 'text' };
  const type = oneOf(
    requireString(format, 'type', 'text.format.type'),
    ['text', 'json_object', 'json_schema'] as const,
    'text.format.type',
  );
  if (type !== 'json_schema') return { type };
  if (!isRecord(format.schema)) {
    throw invalidRequest(
      "'text.format.schema' is required when the type is 'json_schema': send a JSON Schema object.",
      'text.format.schema',
      'missing_required_parameter',
    );
  }
  return {
    type: 'json_schema',
    name: typeof format.name === 'string' ? format.name : 'response',
    schema: format.schema,
  };
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
