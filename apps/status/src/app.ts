import { AglServerClient, type AglStore, isAglServer1Error } from '@agl/client';
import {
  DASHBOARD_TIMEOUT_MS,
  displayEndpoint,
  StoreConnection,
  SummaryCache,
} from '@agl/snapshot';
import { Hono } from 'hono';
import type { AppContext } from './app-context.ts';
import { requireToken } from './auth.ts';
import type { StatusConfig } from './config.ts';
import { loopbackHostGuard } from './host-guard.ts';
import { jsonError } from './http-errors.ts';
import { LiveFeed } from './live-feed.ts';
import { eventRoutes } from './routes/api-events.ts';
import { rolloutRoutes } from './routes/api-rollouts.ts';
import { statusRoutes } from './routes/api-status.ts';
import { healthRoutes } from './routes/health.ts';
import { pageRoutes } from './routes/page.ts';
import { storeFailureResponse } from './store-failure.ts';

export interface StatusAppDeps {
  config: Pick<StatusConfig, 'endpoint' | 'host' | 'token' | 'pollIntervalMs' | 'key'>;
  /** Opens a client for the AGL store (normally `connect` from `@agl/client`). */
  connectStore: (endpoint: string) => Promise<AglStore>;
  /** Epoch milliseconds clock; defaults to `Date.now`. */
  now?: () => number;
  /** Keep-alive comment interval of `/api/events` (default 15 s). */
  keepAliveMs?: number;
}

export interface StatusApp {
  app: Hono;
  feed: LiveFeed;
  connection: StoreConnection;
  /** Stops watching AGL and closes its client. */
  close(): Promise<void>;
}

export function startHint(endpoint: string): string {
  return (
    `Start AGL with \`pnpm agl:server\` (it listens on port 4747), or set AGL_ENDPOINT ` +
    `(now ${displayEndpoint(endpoint)}) to a running store.`
  );
}

/** The status server as a Hono app; `app.request()` exercises it without a port. */
export function createStatusApp(deps: StatusAppDeps): StatusApp {
  const now = deps.now ?? Date.now;
  const { config } = deps;
  // An AGL 1.0 agl-server keeps no spans: the store client refuses it, and the feed switches to
  // reading it with the 1.0 client.
  const connectStore = async (endpoint: string): Promise<AglStore> => {
    try {
      return await deps.connectStore(endpoint);
    } catch (error) {
      if (isAglServer1Error(error)) feed.useServer1();
      throw error;
    }
  };
  const connection = new StoreConnection(config.endpoint, connectStore);
  const cache = new SummaryCache();
  const hint = startHint(config.endpoint);
  const feed = new LiveFeed({
    connection,
    cache,
    now,
    hint,
    intervalMs: config.pollIntervalMs,
    server1Client: () =>
      new AglServerClient(config.endpoint, {
        ...(config.key ? { key: config.key } : {}),
        timeoutMs: DASHBOARD_TIMEOUT_MS,
      }),
  });
  const context: AppContext = {
    connection,
    feed,
    cache,
    now,
    startedAt: now(),
    endpoint: displayEndpoint(config.endpoint),
    hint,
    keepAliveMs: deps.keepAliveMs ?? 15_000,
  };

  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });
  app.use(loopbackHostGuard(config.host));
  app.route('/', healthRoutes(context));
  app.use(requireToken(config.token));
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.route('/', statusRoutes(context));
  app.route('/', rolloutRoutes(context));
  app.route('/', eventRoutes(context));
  app.route('/', pageRoutes(context));
  app.notFound((c) =>
    jsonError(
      c,
      404,
      'not_found',
      `No route ${c.req.method} ${c.req.path}; see GET / or /api/status`,
    ),
  );
  app.onError((error, c) => {
    try {
      return storeFailureResponse(c, error, config.endpoint, hint);
    } catch {
      console.error('agl-status: unexpected error:', error);
      return jsonError(c, 500, 'internal', 'The status server failed; see its log for details');
    }
  });

  return {
    app,
    feed,
    connection,
    close: async () => {
      await feed.stop();
      await connection.reset();
    },
  };
}
