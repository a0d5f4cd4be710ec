import { AglError, type AglErrorKind } from '../errors.ts';
import type { Dialect } from '../store.ts';

export interface HttpFailure {
  dialect: Dialect | null;
  method: string;
  route: string;
  /** The concrete request path, for the message. */
  path: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

interface ParsedBody {
  json: unknown;
  text: string;
}

const NOT_FOUND_PATTERN = /\bnot found\b|does not exist|no such|unknown (rollout|attempt)/i;

function parseBody(failure: HttpFailure): ParsedBody {
  const text = new TextDecoder().decode(failure.body);
  if (!failure.contentType?.includes('json')) return { json: undefined, text };
  try {
    return { json: JSON.parse(text), text };
  } catch {
    return { json: undefined, text };
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The message of the exception at the end of a Python traceback: the last line that starts
 * with the exception class (possibly module-qualified), plus its continuation lines.
 */
export function messageFromTraceback(traceback: string, errorType: string | null): string | null {
  const lines = traceback.replace(/\s+$/, '').split('\n');
  const className = errorType ? escapeRegExp(errorType) : '[A-Za-z_]\\w*';
  const header = new RegExp(`^(?:[A-Za-z_]\\w*\\.)*${className}(?::\\s?(.*))?$`);
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = header.exec(lines[index] ?? '');
    if (!match) continue;
    const parts = [match[1]?.trim() ?? ''];
    for (const line of lines.slice(index + 1)) {
      if (line.trim() === '' || line.trimStart().startsWith('File "')) break;
      parts.push(line.trim());
    }
    const message = parts.filter((part) => part.length > 0).join(' ');
    if (message.length > 0) return message;
  }
  const last = lines.at(-1)?.trim();
  return last ? last : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Human summary of FastAPI's 422 body: `body.mode: Input should be 'train', 'val' or 'test'`. */
export function summariseValidationDetail(detail: unknown): string | null {
  if (typeof detail === 'string') return detail;
  if (!Array.isArray(detail)) return null;
  const parts = detail.map((entry) => {
    const loc = field(entry, 'loc');
    const msg = field(entry, 'msg');
    const where = Array.isArray(loc) ? loc.join('.') : '?';
    return `${where}: ${typeof msg === 'string' ? msg : JSON.stringify(entry)}`;
  });
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The `message` (field 2) of a protobuf `google.rpc.Status`, as the OTLP route sends on 400. */
export function messageFromRpcStatus(bytes: Uint8Array): string | null {
  let offset = 0;
  const readVarint = (): number | null => {
    let result = 0;
    let shift = 0;
    while (offset < bytes.length && shift < 35) {
      const byte = bytes[offset++] as number;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
    return null;
  };
  while (offset < bytes.length) {
    const tag = readVarint();
    if (tag === null) return null;
    const wireType = tag & 7;
    if (wireType === 0) {
      if (readVarint() === null) return null;
    } else if (wireType === 2) {
      const length = readVarint();
      if (length === null || offset + length > bytes.length) return null;
      if (tag >>> 3 === 2) return new TextDecoder().decode(bytes.subarray(offset, offset + length));
      offset += length;
    } else {
      return null;
    }
  }
  return null;
}

function classifyMessage(message: string | null, fallback: AglErrorKind): AglErrorKind {
  return message && NOT_FOUND_PATTERN.test(message) ? 'not_found' : fallback;
}

/** Turns a non-2xx answer into an AglError, telling apart the kinds each dialect signals. */
export function errorFromResponse(failure: HttpFailure): AglError {
  const { dialect, method, route, path, status } = failure;
  const body = parseBody(failure);
  const errorTypeValue = field(body.json, 'error_type');
  const errorType = typeof errorTypeValue === 'string' ? errorTypeValue : null;
  const detail = field(body.json, 'detail');
  const traceback = field(body.json, 'traceback');
  let kind: AglErrorKind;
  let serverMessage: string | null = null;
  let retryable = false;

  if (status === 422) {
    kind = 'validation';
    serverMessage = summariseValidationDetail(detail);
  } else if (errorType !== null && (status === 400 || status === 500)) {
    // A store exception: 0.2 sends it as 400 with the message in `detail`; 0.3 as 500 with the
    // message only in the traceback.
    serverMessage =
      typeof traceback === 'string' && (status === 500 || typeof detail !== 'string')
        ? messageFromTraceback(traceback, errorType)
        : typeof detail === 'string'
          ? detail
          : null;
    kind = classifyMessage(serverMessage, 'application');
    if (errorType === 'ResponseValidationError' && method === 'GET') {
      // 0.3 cannot serialise the `null` it gets for an unknown id on GET /rollouts/{id}.
      kind = 'not_found';
    }
    retryable = status === 500 && kind === 'application';
  } else if (status === 400) {
    kind = 'validation';
    serverMessage =
      typeof detail === 'string'
        ? detail
        : failure.contentType?.includes('protobuf')
          ? messageFromRpcStatus(failure.body)
          : body.text.trim() || null;
  } else if (status === 404 || status === 405) {
    kind = 'protocol';
    serverMessage = typeof detail === 'string' ? detail : null;
  } else if (
    status === 408 ||
    status === 429 ||
    status === 502 ||
    status === 503 ||
    status === 504
  ) {
    kind = 'unavailable';
    retryable = true;
    serverMessage = typeof detail === 'string' ? detail : body.text.trim().slice(0, 200) || null;
  } else if (status >= 500) {
    kind = 'application';
    retryable = true;
    serverMessage = typeof detail === 'string' ? detail : body.text.trim().slice(0, 200) || null;
  } else {
    kind = 'protocol';
    serverMessage = typeof detail === 'string' ? detail : body.text.trim().slice(0, 200) || null;
  }

  const label = dialect ? `AGL ${dialect} store` : 'AGL store';
  const what = errorType ? `${status} ${errorType}` : String(status);
  const hint =
    kind === 'protocol'
      ? ' — the server does not know this route; is it an AGL store of this dialect?'
      : '';
  const message = `${label}: ${method} ${path} failed with ${what}${serverMessage ? `: ${serverMessage}` : ''}${hint}`;
  return new AglError({
    kind,
    message,
    status,
    method,
    route,
    dialect,
    serverMessage,
    errorType,
    retryable,
  });
}
