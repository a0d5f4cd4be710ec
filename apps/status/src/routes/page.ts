import { randomBytes } from 'node:crypto';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { AppContext } from '../app-context.ts';
import { pageSecurityPolicy, renderPage } from '../page/page-html.ts';
import { noQuery, onInvalid } from '../validation.ts';

/** `GET /`: the live status page. */
export function pageRoutes(context: AppContext): Hono {
  return new Hono().get('/', zValidator('query', noQuery, onInvalid), (c) => {
    const nonce = randomBytes(16).toString('base64');
    c.header('Content-Security-Policy', pageSecurityPolicy(nonce));
    c.header('Cache-Control', 'no-store');
    return c.html(renderPage({ endpoint: context.endpoint, nonce }));
  });
}
