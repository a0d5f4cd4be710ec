import { describeUnreachable } from '@agl/snapshot';
import { Hono } from 'hono';
import type { AppContext } from '../app-context.ts';

const HEALTH_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { kind: 'timeout' })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `GET /health`: this server is up (always 200), and whether AGL answers, with its latency. */
export function healthRoutes(context: AppContext): Hono {
  return new Hono().get('/health', async (c) => {
    const uptimeSeconds = Math.round((context.now() - context.startedAt) / 100) / 10;
    let agl: Record<string, unknown>;
    try {
      const server1 = context.feed.server1;
      if (server1 !== null) {
        const started = performance.now();
        await withTimeout(server1.health(), HEALTH_TIMEOUT_MS);
        const latencyMs = Math.round((performance.now() - started) * 10) / 10;
        c.header('Cache-Control', 'no-store');
        return c.json({
          status: 'ok',
          uptimeSeconds,
          agl: { endpoint: context.endpoint, reachable: true, dialect: '1.0', latencyMs },
        });
      }
      const store = await withTimeout(context.connection.get(), HEALTH_TIMEOUT_MS);
      const health = await withTimeout(store.health(), HEALTH_TIMEOUT_MS);
      agl = {
        endpoint: context.endpoint,
        reachable: true,
        dialect: health.dialect,
        latencyMs: Math.round(health.latencyMs * 10) / 10,
      };
    } catch (error) {
      context.connection.failed(error);
      const unreachable = describeUnreachable(context.connection.endpoint, error, {
        hint: context.hint,
      });
      agl = { endpoint: context.endpoint, reachable: false, reason: unreachable.reason };
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', uptimeSeconds, agl });
  });
}
