import { stableHash } from '../hash.ts';
import type { ModelReply } from '../policy/conversation.ts';
import type { TokenUsage } from '../token-usage.ts';
import { splitAtTokenBoundaries } from '../tokens.ts';
import { TOKENS_PER_CHUNK } from './chat-completion.ts';
import type { ResponsesEcho } from './parse-responses-request.ts';

export interface ResponseMeta {
  readonly id: string;
  /** Unix seconds. */
  readonly createdAt: number;
  readonly model: string;
  readonly echo: ResponsesEcho;
}

export interface MessageItem {
  readonly id: string;
  readonly type: 'message';
  readonly status: 'completed';
  readonly role: 'assistant';
  readonly content: readonly [OutputText];
}

export interface OutputText {
  readonly type: 'output_text';
  readonly text: string;
  readonly annotations: readonly never[];
  readonly logprobs: readonly never[];
}

export interface FunctionCallItem {
  readonly id: string;
  readonly type: 'function_call';
  readonly status: 'completed';
  readonly call_id: string;
  readonly name: string;
  readonly arguments: string;
}

export type OutputItem = MessageItem | FunctionCallItem;

/** The Response output for a reply: one message item, or one function_call item per call. */
export function outputItems(reply: ModelReply, responseId: string): OutputItem[] {
  if (reply.type === 'message') {
    return [
      {
        id: `msg_${stableHash(`${responseId}|message`, 32)}`,
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [outputText(reply.text)],
      },
    ];
  }
  return reply.calls.map((call) => ({
    id: `fc_${stableHash(`${responseId}|${call.id}`, 32)}`,
    type: 'function_call',
    status: 'completed',
    call_id: call.id,
    name: call.name,
    arguments: call.arguments,
  }));
}

function outputText(text: string): OutputText {
  return { type: 'output_text', text, annotations: [], logprobs: [] };
}

export function responsesUsage(usage: TokenUsage) {
  const input = usage.promptTokenIds.length;
  const output = usage.completionTokenIds.length;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

/** A `response` object; `in_progress` ones (stream start) have no output and no usage yet. */
export function responseObject(
  meta: ResponseMeta,
  status: 'in_progress' | 'completed',
  output: readonly OutputItem[],
  usage: TokenUsage | null,
) {
  const { echo } = meta;
  return {
    id: meta.id,
    object: 'response',
    created_at: meta.createdAt,
    status,
    background: false,
    completed_at: status === 'completed' ? meta.createdAt : null,
    error: null,
    incomplete_details: null,
    instructions: echo.instructions,
    max_output_tokens: echo.maxOutputTokens,
    max_tool_calls: null,
    model: meta.model,
    output,
    parallel_tool_calls: echo.parallelToolCalls,
    previous_response_id: echo.previousResponseId,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: echo.store,
    temperature: echo.temperature ?? 1,
    text: echo.text,
    tool_choice: echo.toolChoice,
    tools: echo.tools,
    top_logprobs: 0,
    top_p: echo.topP ?? 1,
    truncation: 'disabled',
    usage: usage === null ? null : responsesUsage(usage),
    user: echo.user,
    metadata: echo.metadata,
  };
}

/**
 * The server-sent events of a streamed Response, in the order the Responses API sends them:
 * response.created, response.in_progress, then per output item output_item.added, its content
 * (content_part.added, output_text.delta…, output_text.done, content_part.done) or its
 * arguments (function_call_arguments.delta…, function_call_arguments.done), output_item.done,
 * and finally response.completed. Every event carries a running sequence_number.
 */
export function responseEvents(
  meta: ResponseMeta,
  items: readonly OutputItem[],
  usage: TokenUsage,
): Array<{ type: string; sequence_number: number }> {
  const events: Array<{ type: string; sequence_number: number }> = [];
  const emit = (type: string, fields: object) =>
    events.push({ type, sequence_number: events.length, ...fields });

  emit('response.created', { response: responseObject(meta, 'in_progress', [], null) });
  emit('response.in_progress', { response: responseObject(meta, 'in_progress', [], null) });
  items.forEach((item, output_index) => {
    const item_id = item.id;
    if (item.type === 'message') {
      const text = item.content[0].text;
      emit('response.output_item.added', {
        output_index,
        item: {
          id: item.id,
          type: 'message',
          status: 'in_progress',
          content: [],
          role: 'assistant',
        },
      });
      const part = { item_id, output_index, content_index: 0 };
      emit('response.content_part.added', { ...part, part: outputText('') });
      for (const delta of splitAtTokenBoundaries(text, TOKENS_PER_CHUNK)) {
        if (delta !== '') emit('response.output_text.delta', { ...part, delta, logprobs: [] });
      }
      emit('response.output_text.done', { ...part, text, logprobs: [] });
      emit('response.content_part.done', { ...part, part: outputText(text) });
    } else {
      emit('response.output_item.added', {
        output_index,
        item: { ...item, status: 'in_progress', arguments: '' },
      });
      for (const delta of splitAtTokenBoundaries(item.arguments, TOKENS_PER_CHUNK * 2)) {
        if (delta !== '') {
          emit('response.function_call_arguments.delta', { item_id, output_index, delta });
        }
      }
      emit('response.function_call_arguments.done', {
        item_id,
        output_index,
        name: item.name,
        arguments: item.arguments,
      });
    }
    emit('response.output_item.done', { output_index, item });
  });
  emit('response.completed', { response: responseObject(meta, 'completed', items, usage) });
  return events;
}
