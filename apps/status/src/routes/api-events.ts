import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppContext } from '../app-context.ts';
import type { FeedEvent } from '../live-feed.ts';
import { noQuery, onInvalid } from '../validation.ts';

/** Events queued for one slow client before its queue is replaced by a fresh status. */
const MAX_QUEUED = 500;

/**
 * `GET /api/events`: server-sent events. On connect: `throughput` (the whole series) and
 * `status`; then `rollout` for each added or changed rollout, `status` after changes and when AGL
 * goes down or comes back, `throughput` after each poll. A comment line keeps the stream alive.
 */
export function eventRoutes(context: AppContext): Hono {
  return new Hono().get('/api/events', zValidator('query', noQuery, onInvalid), (c) =>
    streamSSE(c, async (stream) => {
      const queue: FeedEvent[] = [];
      let wake: (() => void) | null = null;
      const notify = () => {
        const resume = wake;
        wake = null;
        resume?.();
      };
      const unsubscribe = context.feed.subscribe((event) => {
        if (queue.length >= MAX_QUEUED) {
          // Too far behind to catch up event by event: a fresh status carries everything.
          queue.length = 0;
          void context.feed.snapshot().then(
            (data) => {
              queue.push({ event: 'status', data });
              notify();
            },
            () => undefined,
          );
        } else {
          queue.push(event);
        }
        notify();
      });
      stream.onAbort(() => {
        unsubscribe();
        notify();
      });
      try {
        await stream.writeSSE({
          event: 'throughput',
          data: JSON.stringify({ samples: context.feed.throughput }),
          retry: 2000,
        });
        await stream.writeSSE({
          event: 'status',
          data: JSON.stringify(await context.feed.snapshot()),
        });
        while (!stream.aborted) {
          const next = queue.shift();
          if (next) {
            await stream.writeSSE({ event: next.event, data: JSON.stringify(next.data) });
            continue;
          }
          const woken = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), context.keepAliveMs);
            wake = () => {
              clearTimeout(timer);
              resolve(true);
            };
          });
          if (!woken && !stream.aborted) await stream.write(': keep-alive\n\n');
        }
      } finally {
        unsubscribe();
      }
    }),
  );
}
