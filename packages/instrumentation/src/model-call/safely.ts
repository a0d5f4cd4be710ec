/** Recording must never break the model call: any failure here is swallowed. */
export function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

/** A readable message for anything thrown or streamed as an error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** What `span.recordException` accepts: the error itself, else its message. */
export function toException(error: unknown): Error | string {
  return error instanceof Error ? error : errorMessage(error);
}
