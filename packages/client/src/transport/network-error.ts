// Sorting the errors undici and Node raise into "never reached the server", "broke after
// sending" and "timed out". Pure.

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export type NetworkFailure =
  | { type: 'network'; phase: 'connect' | 'sent'; code: string; message: string }
  | { type: 'timeout'; code: string; message: string };

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifyNetworkError(error: unknown): NetworkFailure {
  const name = (error as { name?: unknown })?.name;
  const message = error instanceof Error ? error.message : String(error);
  const code = codeOf(error) ?? (typeof name === 'string' ? name : 'UNKNOWN');
  if (name === 'TimeoutError' || TIMEOUT_CODES.has(code)) {
    return { type: 'timeout', code, message };
  }
  if (CONNECT_CODES.has(code)) return { type: 'network', phase: 'connect', code, message };
  return { type: 'network', phase: 'sent', code, message };
}
