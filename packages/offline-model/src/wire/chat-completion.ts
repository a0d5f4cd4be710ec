import type { ModelReply } from '../policy/conversation.ts';
import type { TokenUsage } from '../token-usage.ts';
import { splitAtTokenBoundaries, tokenIds, tokenize } from '../tokens.ts';

/** Identity of one completion: the same in the body and in every stream chunk. */
export interface CompletionMeta {
  readonly id: string;
  /** Unix seconds. */
  readonly created: number;
  readonly model: string;
}

export interface ChatFormatOptions {
  readonly returnTokenIds: boolean;
  readonly logprobs: boolean;
  readonly includeUsage: boolean;
}

/** Streamed text goes out this many tokens per chunk; tool arguments twice as many. */
export const TOKENS_PER_CHUNK = 4;

export const SYSTEM_FINGERPRINT = 'fp_agl_offline';

export function finishReason(reply: ModelReply): 'stop' | 'tool_calls' {
  return reply.type === 'tool_calls' ? 'tool_calls' : 'stop';
}

export function chatUsage(usage: TokenUsage) {
  const prompt = usage.promptTokenIds.length;
  const completion = usage.completionTokenIds.length;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The deterministic model is certain of every token: log-probability 0, no alternatives. */
export function certainLogprobs(text: string) {
  return {
    content: tokenize(text).map((token) => ({
      token,
      logprob: 0,
      bytes: [...Buffer.from(token, 'utf8')],
      top_logprobs: [],
    })),
    refusal: null,
  };
}

/** The `chat.completion` object for a non-streaming request. */
export function chatCompletionBody(
  reply: ModelReply,
  usage: TokenUsage,
  meta: CompletionMeta,
  options: ChatFormatOptions,
) {
  const text = reply.type === 'message' ? reply.text : null;
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text,
          refusal: null,
          annotations: [],
          ...(reply.type === 'tool_calls'
            ? {
                tool_calls: reply.calls.map((call) => ({
                  id: call.id,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
        logprobs: options.logprobs && text !== null ? certainLogprobs(text) : null,
        finish_reason: finishReason(reply),
        ...(options.returnTokenIds ? { token_ids: [...usage.completionTokenIds] } : {}),
      },
    ],
    usage: chatUsage(usage),
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
    ...(options.returnTokenIds ? { prompt_token_ids: [...usage.promptTokenIds] } : {}),
  };
}

/**
 * The `chat.completion.chunk` objects of a streamed reply, in order: the role, the content (or
 * each tool call's name then its arguments) in small pieces, the finish reason, and the usage
 * chunk when `stream_options.include_usage` asked for it.
 */
export function chatCompletionChunks(
  reply: ModelReply,
  usage: TokenUsage,
  meta: CompletionMeta,
  options: ChatFormatOptions,
): object[] {
  const chunk = (
    delta: object,
    extra: { finish?: string; piece?: string; ids?: number[] } = {},
  ) => ({
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [
      {
        index: 0,
        delta,
        logprobs:
          options.logprobs && extra.piece !== undefined ? certainLogprobs(extra.piece) : null,
        finish_reason: extra.finish ?? null,
        ...(options.returnTokenIds ? { token_ids: extra.ids ?? [] } : {}),
      },
    ],
    ...(options.includeUsage ? { usage: null } : {}),
  });

  const chunks: object[] = [];
  const first = chunk({
    role: 'assistant',
    content: reply.type === 'message' ? '' : null,
    refusal: null,
  });
  chunks.push(
    options.returnTokenIds ? { ...first, prompt_token_ids: [...usage.promptTokenIds] } : first,
  );

  if (reply.type === 'message') {
    for (const piece of splitAtTokenBoundaries(reply.text, TOKENS_PER_CHUNK)) {
      if (piece === '') continue;
      chunks.push(chunk({ content: piece }, { piece, ids: tokenIds(piece) }));
    }
  } else {
    reply.calls.forEach((call, index) => {
      const nameIds = tokenIds(call.name);
      chunks.push(
        chunk(
          {
            tool_calls: [
              {
                index,
                id: call.id,
                type: 'function',
                function: { name: call.name, arguments: '' },
              },
            ],
          },
          { ids: nameIds },
        ),
      );
      for (const piece of splitAtTokenBoundaries(call.arguments, TOKENS_PER_CHUNK * 2)) {
        if (piece === '') continue;
        chunks.push(
          chunk(
            { tool_calls: [{ index, function: { arguments: piece } }] },
            { ids: tokenIds(piece) },
          ),
        );
      }
    });
  }
  chunks.push(chunk({}, { finish: finishReason(reply) }));
  if (options.includeUsage) {
    const { usage: _null, choices: _choices, ...base } = chunk({});
    chunks.push({ ...base, choices: [], usage: chatUsage(usage) });
  }
  return chunks;
}
