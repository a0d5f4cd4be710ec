import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { AppContext } from '../app-context.ts';
import { noQuery, onInvalid } from '../validation.ts';

/** `GET /api/status`: what `agl:status --json` prints; 503 with the reason while AGL is down. */
export function statusRoutes(context: AppContext): Hono {
  return new Hono().get('/api/status', zValidator('query', noQuery, onInvalid), async (c) => {
    const snapshot = await context.feed.snapshot();
    return c.json(snapshot, snapshot.reachable ? 200 : 503);
  });
}
