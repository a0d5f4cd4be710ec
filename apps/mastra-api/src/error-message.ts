/**
 * A one-line reason for a failed agent run, good enough to return to an API client: the error's
 * message, the HTTP status of a failed model call, and the messages of its causes.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    const message = messageOf(current);
    const status = statusCodeOf(current);
    const part = status === undefined ? message : `${message} (HTTP ${status})`;
    if (part !== '' && !parts.some((earlier) => earlier.includes(message))) parts.push(part);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.length === 0 ? 'unknown error' : parts.join(': ');
}

function messageOf(value: unknown): string {
  if (value instanceof Error) return value.message.trim();
  if (typeof value === 'string') return value.trim();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function statusCodeOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || !('statusCode' in value)) return undefined;
  return typeof value.statusCode === 'number' ? value.statusCode : undefined;
}
