/** Error kinds (`AglError.kind`) that mean the store could not be reached or did not answer. */
const UNREACHABLE_KINDS = new Set(['unavailable', 'timeout']);
/** Error kinds that concern one record only (unknown rollout, evicted spans, …). */
const RECORD_KINDS = new Set(['not_found', 'application', 'validation']);
/** Node and undici error codes for a server that is down, gone or too slow. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The `AglError` kind, read structurally so that two copies of the client still agree. */
export function errorKind(error: unknown): string | null {
  const kind = field(error, 'kind');
  return typeof kind === 'string' ? kind : null;
}

/** The HTTP status the store answered with, when the error carries one. */
export function errorStatus(error: unknown): number | null {
  const status = field(error, 'status');
  return typeof status === 'number' ? status : null;
}

/** The first network error code in the error or its causes. */
export function networkCode(error: unknown): string | null {
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth += 1) {
    const code = field(current, 'code');
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = field(current, 'cause');
  }
  return null;
}

/** True when the error means the store is down, unreachable or not answering in time. */
export function isUnreachableError(error: unknown): boolean {
  const kind = errorKind(error);
  if (kind !== null) return UNREACHABLE_KINDS.has(kind);
  return networkCode(error) !== null || (error instanceof Error && error.name === 'TimeoutError');
}

/** True when the error concerns one record (e.g. evicted spans) and the store itself is fine. */
export function isRecordError(error: unknown): boolean {
  const kind = errorKind(error);
  return kind !== null && RECORD_KINDS.has(kind);
}

/** A one-line reason for a failure, without stack traces. */
export function describeError(error: unknown): string {
  const code = networkCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return `connection refused (${message})`;
  if (code !== null && !message.includes(code)) return `${message} (${code})`;
  return message.split('\n', 1)[0] ?? message;
}
