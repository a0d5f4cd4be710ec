import type { MiddlewareHandler } from 'hono';
import { isLoopbackHost } from './config.ts';
import { jsonError } from './http-errors.ts';

/**
 * When bound to loopback, answers only requests addressed to a loopback name, so that a web page
 * elsewhere cannot reach the server through a DNS name that resolves to 127.0.0.1.
 */
export function loopbackHostGuard(bindHost: string): MiddlewareHandler {
  if (!isLoopbackHost(bindHost)) return async (_c, next) => next();
  return async (c, next) => {
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    const name = host.replace(/:\d+$/, '');
    if (isLoopbackHost(name)) return next();
    return jsonError(
      c,
      403,
      'forbidden_host',
      'This status server is bound to loopback and answers only to localhost, 127.0.0.1 or [::1].',
    );
  };
}
