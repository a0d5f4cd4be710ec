import { AglError } from '../errors.ts';

export interface Server1Failure {
  method: string;
  route: string;
  status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
}

function detailOf(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() || null;
  if (body && typeof body === 'object' && 'detail' in body) {
    const detail = (body as { detail: unknown }).detail;
    return typeof detail === 'string' ? detail : JSON.stringify(detail);
  }
  return null;
}

/** Turns a non-2xx answer of agl-server 1.x into an AglError saying what to do about it. */
export function server1Error(failure: Server1Failure): AglError {
  const { method, route, status } = failure;
  const detail = detailOf(failure.body);
  const where = `${method} ${route}`;
  const base = { method, route, status, dialect: '1.0' as const, serverMessage: detail };
  if (status === 401) {
    return new AglError({
      ...base,
      kind: 'validation',
      errorType: 'Unauthorized',
      message: `${where}: AGL 1.0 server rejected the key (401 ${detail ?? ''}). Set AGL_KEY to the server's key.`,
    });
  }
  if (status === 404) {
    return new AglError({
      ...base,
      kind: 'not_found',
      message: `${where}: ${detail ?? 'not found'} (404)`,
    });
  }
  if (status === 409) {
    return new AglError({
      ...base,
      kind: 'application',
      errorType: 'InvalidTransition',
      message: `${where}: ${detail ?? 'state change refused'} (409: the rollout is not in a state that allows this; someone else may have it)`,
    });
  }
  if (status === 400 || status === 422) {
    return new AglError({
      ...base,
      kind: 'validation',
      message: `${where}: the server rejected the request (${status}): ${detail ?? 'invalid request'}`,
    });
  }
  const retryable = status === 429 || status === 502 || status === 503 || status === 504;
  return new AglError({
    ...base,
    kind: retryable ? 'unavailable' : 'application',
    retryable,
    message: `${where}: AGL 1.0 server answered ${status}${detail ? `: ${detail}` : ''}`,
  });
}
