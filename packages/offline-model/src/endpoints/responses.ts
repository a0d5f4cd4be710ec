import { stableHash } from '../hash.ts';
import { decideReply, fingerprintRequest } from '../policy/decide-reply.ts';
import { countUsage } from '../token-usage.ts';
import { parseResponsesRequest } from '../wire/parse-responses-request.ts';
import { outputItems, responseEvents, responseObject } from '../wire/responses.ts';
import { type EndpointResult, errorResult, jsonResult } from './endpoint-result.ts';
import type { ResponseHistoryStore } from './response-history.ts';

export interface ResponsesEndpointContext {
  readonly defaultModel: string;
  /** Unix seconds, for `created_at`. */
  readonly now: () => number;
  readonly history: ResponseHistoryStore;
}

/** `POST /v1/responses`: decides from the body and the history of earlier responses. */
export function answerResponses(body: unknown, context: ResponsesEndpointContext): EndpointResult {
  try {
    const {
      request,
      model: requestedModel,
      stream,
      echo,
    } = parseResponsesRequest(body, context.history);
    const reply = decideReply(request);
    const usage = countUsage(request, reply);
    const model = requestedModel ?? context.defaultModel;
    const meta = {
      id: `resp_${stableHash(`responses|${model}|${fingerprintRequest(request)}`, 48)}`,
      createdAt: context.now(),
      model,
      echo,
    };
    const items = outputItems(reply, meta.id);
    context.history.remember(meta.id, request.messages, items);
    if (!stream) return jsonResult(responseObject(meta, 'completed', items, usage));
    const events = responseEvents(meta, items, usage).map((event) => ({
      event: event.type,
      data: JSON.stringify(event),
    }));
    return { kind: 'sse', events };
  } catch (error) {
    return errorResult(error);
  }
}
