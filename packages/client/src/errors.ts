import type { Dialect } from './store.ts';

/**
 * - `not_found`: unknown rollout, attempt or resources (0.2's 400 "… not found", 0.3's 500
 *   ValueError / ResponseValidationError for unknown ids).
 * - `validation`: the server rejected the request shape (422, or 0.3's 400 handler checks).
 * - `application`: the store raised any other error.
 * - `unavailable`: nothing answered, the connection broke, or 429/502/503/504 outlasted the retries.
 * - `timeout`: no complete answer within the per-request timeout.
 * - `invalid_request`: local validation rejected the call before anything was sent.
 * - `protocol`: something answered that does not speak this AGL dialect.
 */
export type AglErrorKind =
  | 'not_found'
  | 'validation'
  | 'application'
  | 'unavailable'
  | 'timeout'
  | 'invalid_request'
  | 'protocol';

export const AGL_ERROR_KINDS = [
  'not_found',
  'validation',
  'application',
  'unavailable',
  'timeout',
  'invalid_request',
  'protocol',
] as const satisfies readonly AglErrorKind[];

export interface AglErrorInit {
  kind: AglErrorKind;
  message: string;
  status?: number | null;
  method: string;
  route: string;
  /** The store dialect, `'1.0'` for AGL 1.x's agl-server, null when not known. */
  dialect: Dialect | '1.0' | null;
  serverMessage?: string | null;
  errorType?: string | null;
  retryable?: boolean;
  cause?: unknown;
}

/** Every failure of the client, with what is needed to decide what to do next. */
export class AglError extends Error {
  override readonly name = 'AglError';
  readonly kind: AglErrorKind;
  /** HTTP status, or null when no response arrived (or the call was never sent). */
  readonly status: number | null;
  readonly method: string;
  /** The route template, e.g. `/v1/agl/rollouts/{rollout_id}`. */
  readonly route: string;
  readonly dialect: Dialect | '1.0' | null;
  /** The store's own message (0.3: dug out of the traceback), when there is one. */
  readonly serverMessage: string | null;
  /** The Python exception class the server reported, e.g. `ValueError`. */
  readonly errorType: string | null;
  /** Whether the same call may succeed if tried again later. */
  readonly retryable: boolean;

  constructor(init: AglErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.method = init.method;
    this.route = init.route;
    this.dialect = init.dialect;
    this.serverMessage = init.serverMessage ?? null;
    this.errorType = init.errorType ?? null;
    this.retryable = init.retryable ?? false;
  }
}

/** True when `error` is an AglError (of the given kind, if one is named). */
export function isAglError(error: unknown, kind?: AglErrorKind): error is AglError {
  return error instanceof AglError && (kind === undefined || error.kind === kind);
}
