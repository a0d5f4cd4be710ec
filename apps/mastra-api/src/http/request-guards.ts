import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DEFAULT_MAX_BODY_BYTES } from '../server-config.ts';

export interface RequestGuardOptions {
  /**
   * The address the server listens on. On loopback only requests addressed to a loopback name
   * are answered, so a web page cannot reach the API through a DNS name pointing at 127.0.0.1.
   */
  bindHost?: string;
  /** Required as `Authorization: Bearer <token>` on every route but `/health`, when set. */
  token?: string | null;
  /** Largest request body accepted (default 1 MiB); larger ones get 413 before being read. */
  maxBodyBytes?: number;
}

type GuardError =
  | 'forbidden_host'
  | 'unauthorized'
  | 'unsupported_media_type'
  | 'payload_too_large';

function refuse(c: Context, status: 401 | 403 | 413 | 415, error: GuardError, message: string) {
  return c.json({ error, message }, status);
}

export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

function loopbackHostGuard(bindHost: string | undefined): MiddlewareHandler {
  if (bindHost === undefined || !isLoopbackHost(bindHost)) return async (_c, next) => next();
  return async (c, next) => {
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    if (isLoopbackHost(host.replace(/:\d+$/, ''))) return next();
    return refuse(
      c,
      403,
      'forbidden_host',
      'This API is bound to loopback and answers only to localhost, 127.0.0.1 or [::1].',
    );
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function requireToken(token: string | null | undefined): MiddlewareHandler {
  if (token === null || token === undefined) return async (_c, next) => next();
  return async (c, next) => {
    if (c.req.path === '/health') return next();
    const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    if (bearer !== undefined && sameSecret(bearer, token)) return next();
    c.header('WWW-Authenticate', 'Bearer realm="post-analyzer-api"');
    return refuse(
      c,
      401,
      'unauthorized',
      'This API needs its token: send "Authorization: Bearer <token>".',
    );
  };
}

/** A web page can send `text/plain` across origins without asking; JSON needs a preflight. */
function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (type === 'application/json') return next();
    return refuse(
      c,
      415,
      'unsupported_media_type',
      `Send the body as JSON with "Content-Type: application/json"${type ? `, not ${type}` : ''}.`,
    );
  };
}

/** Host check, token, JSON only and a body size limit, in front of every route. */
export function applyRequestGuards(app: Hono, options: RequestGuardOptions = {}): void {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new RangeError(
      `maxBodyBytes must be a whole number of bytes (1 or more), got ${maxBodyBytes}`,
    );
  }
  app.use(loopbackHostGuard(options.bindHost));
  app.use(requireToken(options.token));
  app.use(requireJson());
  app.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        refuse(
          c,
          413,
          'payload_too_large',
          `The request body is larger than ${maxBodyBytes} bytes; send one post of ordinary size.`,
        ),
    }),
  );
}
