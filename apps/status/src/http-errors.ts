import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error response: `{ error, message, ...details }`. */
export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  details: Record<string, unknown> = {},
): Response {
  return c.json({ error, message, ...details }, status);
}
