import { getRolloutDetail } from '@agl/snapshot';
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono } from 'hono';
import type { AppContext } from '../app-context.ts';
import { jsonError } from '../http-errors.ts';
import { listRollouts } from '../rollout-listing.ts';
import { storeFailureResponse } from '../store-failure.ts';
import { noQuery, onInvalid, rolloutIdParam, rolloutListQuery } from '../validation.ts';

/**
 * `GET /api/rollouts`: filtered, paged summaries, newest first.
 * `GET /api/rollouts/:id`: one rollout with its attempts and span tree.
 */
export function rolloutRoutes(context: AppContext): Hono {
  return new Hono()
    .get('/api/rollouts', zValidator('query', rolloutListQuery, onInvalid), async (c) => {
      const query = c.req.valid('query');
      if (context.feed.server1 !== null) return server1Unavailable(c, context);
      try {
        const store = await context.connection.get();
        const page = await listRollouts(store, query, { cache: context.cache, now: context.now() });
        return c.json(page);
      } catch (error) {
        context.connection.failed(error);
        return storeFailureResponse(c, error, context.connection.endpoint, context.hint);
      }
    })
    .get(
      '/api/rollouts/:id',
      zValidator('param', rolloutIdParam, onInvalid),
      zValidator('query', noQuery, onInvalid),
      async (c) => {
        const { id } = c.req.valid('param');
        if (context.feed.server1 !== null) return server1Unavailable(c, context);
        try {
          const store = await context.connection.get();
          const detail = await getRolloutDetail(store, id, { now: context.now() });
          if (detail === null) {
            return jsonError(c, 404, 'not_found', `The AGL store has no rollout "${id}"`, {
              rolloutId: id,
            });
          }
          return c.json(detail);
        } catch (error) {
          context.connection.failed(error);
          return storeFailureResponse(c, error, context.connection.endpoint, context.hint);
        }
      },
    );
}

/** AGL 1.0 keeps no spans or attempts to page through here; the status lists the newest rollouts. */
function server1Unavailable(c: Context, context: AppContext): Response {
  return jsonError(
    c,
    501,
    'agl_1_no_store',
    `${context.endpoint} is an AGL 1.0 agl-server: it keeps no spans, so there are no span trees or older pages here. GET /api/status lists the newest rollouts with their gateway calls and rewards; \`pnpm agl:analyze\` reads every rollout's events.`,
  );
}
