import { stableHash } from '../hash.ts';
import { decideReply, fingerprintRequest } from '../policy/decide-reply.ts';
import { countUsage } from '../token-usage.ts';
import { chatCompletionBody, chatCompletionChunks } from '../wire/chat-completion.ts';
import { parseChatRequest } from '../wire/parse-chat-request.ts';
import { type EndpointResult, errorResult, jsonResult } from './endpoint-result.ts';

export interface ChatEndpointContext {
  readonly defaultModel: string;
  /** Unix seconds, for `created`. */
  readonly now: () => number;
}

/** `POST /v1/chat/completions`, as a pure function of the parsed JSON body. */
export function answerChatCompletion(body: unknown, context: ChatEndpointContext): EndpointResult {
  try {
    const { request, options } = parseChatRequest(body);
    const reply = decideReply(request);
    const usage = countUsage(request, reply);
    const model = options.model ?? context.defaultModel;
    const meta = {
      id: `chatcmpl-${stableHash(`chat|${model}|${fingerprintRequest(request)}`, 29)}`,
      created: context.now(),
      model,
    };
    const format = {
      returnTokenIds: options.returnTokenIds,
      logprobs: options.logprobs,
      includeUsage: options.includeUsage,
    };
    if (!options.stream) return jsonResult(chatCompletionBody(reply, usage, meta, format));
    const events = chatCompletionChunks(reply, usage, meta, format).map((chunk) => ({
      data: JSON.stringify(chunk),
    }));
    return { kind: 'sse', events: [...events, { data: '[DONE]' }] };
  } catch (error) {
    return errorResult(error);
  }
}
