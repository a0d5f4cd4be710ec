import { isAglServer1Error } from '@agl/client';
import { getRolloutDetail, getServer1RolloutDetail } from '@agl/snapshot';
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono } from 'hono';
import type { AppContext } from '../app-context.ts';
import { jsonError } from '../http-errors.ts';
import { listRollouts } from '../rollout-listing.ts';
import { listServer1Rollouts } from '../rollout-listing-server-1.ts';
import { storeFailureResponse } from '../store-failure.ts';
import { noQuery, onInvalid, rolloutIdParam, rolloutListQuery } from '../validation.ts';

/**
 * `GET /api/rollouts`: filtered, paged summaries, newest first.
 * `GET /api/rollouts/:id`: one rollout with its attempts and span tree.
 * On an AGL 1.0 agl-server both read it with the 1.0 client (no attempts, no spans).
 */
export function rolloutRoutes(context: AppContext): Hono {
  return new Hono()
    .get('/api/rollouts', zValidator('query', rolloutListQuery, onInvalid), (c) => {
      const query = c.req.valid('query');
      return readAgl(c, context, async () => {
        const server1 = context.feed.server1;
        if (server1 !== null) {
          return c.json(await listServer1Rollouts(server1, query, { now: context.now() }));
        }
        const store = await context.connection.get();
        return c.json(
          await listRollouts(store, query, { cache: context.cache, now: context.now() }),
        );
      });
    })
    .get(
      '/api/rollouts/:id',
      zValidator('param', rolloutIdParam, onInvalid),
      zValidator('query', noQuery, onInvalid),
      (c) => {
        const { id } = c.req.valid('param');
        return readAgl(c, context, async () => {
          const server1 = context.feed.server1;
          if (server1 !== null) {
            const detail = await getServer1RolloutDetail(server1, id, { now: context.now });
            // `dialect` lets the page say why there are no attempts or spans.
            return detail === null ? notFound(c, id) : c.json({ ...detail, dialect: '1.0' });
          }
          const store = await context.connection.get();
          const detail = await getRolloutDetail(store, id, { now: context.now() });
          return detail === null ? notFound(c, id) : c.json(detail);
        });
      },
    );
}

/**
 * Runs a read; AGL failures become 502/503 answers. When connecting finds an AGL 1.0 server
 * (the feed switches to it), the read runs once more, now with the 1.0 client.
 */
async function readAgl(
  c: Context,
  context: AppContext,
  read: () => Promise<Response>,
): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt === 1 && isAglServer1Error(error) && context.feed.server1 !== null) continue;
      context.connection.failed(error);
      return storeFailureResponse(c, error, context.connection.endpoint, context.hint);
    }
  }
}

function notFound(c: Context, id: string): Response {
  return jsonError(c, 404, 'not_found', `The AGL store has no rollout "${id}"`, { rolloutId: id });
}
