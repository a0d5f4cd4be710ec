import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { jsonError } from './http-errors.ts';

export const SESSION_COOKIE = 'agl_status_session';

/** What the session cookie holds: derived from the token, so the cookie never carries it. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('agl-status session v1').digest('hex');
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearerOf(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/**
 * Requires the token, when one is configured, as `Authorization: Bearer <token>`, as `?token=`
 * (for the page and EventSource, which cannot send headers), or as the session cookie that a
 * page visit with `?token=` sets. A page visit with `?token=` is redirected to the same address
 * without it, so the token does not stay in the address bar.
 */
export function requireToken(token: string | null): MiddlewareHandler {
  if (token === null) return async (_c, next) => next();
  const session = sessionValue(token);
  return async (c, next) => {
    const bearer = bearerOf(c.req.header('Authorization'));
    if (bearer !== null && sameSecret(bearer, token)) return next();
    const fromQuery = c.req.query('token');
    if (fromQuery !== undefined && sameSecret(fromQuery, token)) {
      setCookie(c, SESSION_COOKIE, session, { httpOnly: true, sameSite: 'Strict', path: '/' });
      if (c.req.method === 'GET' && c.req.path === '/') {
        const url = new URL(c.req.url);
        url.searchParams.delete('token');
        return c.redirect(`${url.pathname}${url.search}`, 303);
      }
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined && sameSecret(cookie, session)) return next();
    c.header('WWW-Authenticate', 'Bearer realm="agl-status"');
    const message =
      'This status server needs its token: send "Authorization: Bearer <token>", ' +
      'or open the page once as /?token=<token>.';
    if (c.req.path === '/' && (c.req.header('Accept') ?? '').includes('text/html')) {
      return c.html(
        `<!doctype html><meta charset="utf-8"><title>AGL status: token needed</title><p>${message.replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')}</p>`,
        401,
      );
    }
    return jsonError(c, 401, 'unauthorized', message);
  };
}
