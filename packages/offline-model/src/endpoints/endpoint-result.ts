import { ApiError } from '../api-error.ts';

/** What an endpoint answers, before any I/O: a JSON body, or a list of server-sent events. */
export type EndpointResult =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'sse'; readonly events: readonly SseEvent[] };

export interface SseEvent {
  /** The `event:` line; omitted for Chat Completions chunks. */
  readonly event?: string;
  readonly data: string;
}

export function jsonResult(body: unknown, status = 200): EndpointResult {
  return { kind: 'json', status, body };
}

/** Any thrown value as an OpenAI-shaped error: ApiErrors keep their status, the rest are 500s. */
export function errorResult(error: unknown): EndpointResult {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(
          500,
          `The offline model failed on this request: ${error instanceof Error ? error.message : String(error)}`,
        );
  return jsonResult(apiError.toBody(), apiError.status);
}
