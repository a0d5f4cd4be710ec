import { describeUnreachable, displayEndpoint, errorKind, isUnreachableError } from '@agl/snapshot';
import type { Context } from 'hono';
import { jsonError } from './http-errors.ts';

/**
 * True for errors that come from talking to AGL (the client's `AglError`, network failures),
 * as opposed to bugs in this server.
 */
export function isStoreFailure(error: unknown): boolean {
  return errorKind(error) !== null || isUnreachableError(error);
}

/**
 * The response for a failed AGL call: 503 when AGL is down or too slow, 502 when something
 * answered wrongly. Other errors are thrown on.
 */
export function storeFailureResponse(
  c: Context,
  error: unknown,
  endpoint: string,
  hint: string,
): Response {
  const shown = displayEndpoint(endpoint);
  if (isUnreachableError(error)) {
    const { reason } = describeUnreachable(endpoint, error, { hint });
    return jsonError(c, 503, 'agl_unreachable', reason, { endpoint: shown, hint });
  }
  const kind = errorKind(error);
  if (kind === null) throw error;
  const message = error instanceof Error ? error.message : String(error);
  if (kind === 'protocol') {
    return jsonError(
      c,
      502,
      'agl_protocol',
      `The server at ${shown} does not answer like an AGL store: ${message}`,
    );
  }
  return jsonError(c, 502, 'agl_error', `AGL rejected the request: ${message}`);
}
