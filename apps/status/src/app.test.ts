import type { AglStore } from '@agl/client';
import { FakeAglStore, seedRollout } from '@agl/snapshot/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStatusApp, type StatusApp } from './app.ts';
import { SESSION_COOKIE } from './auth.ts';

const TOKEN = 'test-token-0123456789abcdef';
const apps: StatusApp[] = [];

function makeApp(
  options: {
    store?: AglStore;
    connectStore?: (endpoint: string) => Promise<AglStore>;
    token?: string | null;
    endpoint?: string;
    host?: string;
  } = {},
) {
  const store = options.store ?? new FakeAglStore();
  const status = createStatusApp({
    config: {
      endpoint: options.endpoint ?? 'http://127.0.0.1:4747',
      host: options.host ?? '127.0.0.1',
      token: options.token ?? null,
      pollIntervalMs: 20,
    },
    connectStore: options.connectStore ?? (async () => store),
    keepAliveMs: 50,
  });
  apps.push(status);
  return status;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((status) => status.close()));
});

async function json(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get('content-type')).toContain('application/json');
  return (await response.json()) as Record<string, unknown>;
}

function downStore(): FakeAglStore {
  const store = new FakeAglStore();
  store.down = true;
  return store;
}

const refusedConnect = async (): Promise<AglStore> => {
  throw Object.assign(
    new Error('No AGL store at http://127.0.0.1:4747: GET /v1/agl/health failed (ECONNREFUSED)'),
    {
      kind: 'unavailable',
    },
  );
};

describe('GET /health', () => {
  it('reports itself up and AGL reachable with its latency', async () => {
    const { app } = makeApp();
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'ok',
      uptimeSeconds: expect.any(Number),
      agl: { endpoint: 'http://127.0.0.1:4747', reachable: true, dialect: '0.3', latencyMs: 1 },
    });
  });

  it('stays 200 while AGL is down, with the reason', async () => {
    for (const options of [{ store: downStore() }, { connectStore: refusedConnect }]) {
      const { app } = makeApp(options);
      const response = await app.request('/health');
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(body).toMatchObject({ status: 'ok', agl: { reachable: false } });
      expect(JSON.stringify(body)).toContain('ECONNREFUSED');
    }
  });

  it('needs no token', async () => {
    const { app } = makeApp({ token: TOKEN });
    expect((await app.request('/health')).status).toBe(200);
  });
});

describe('GET /api/status', () => {
  it('returns the snapshot', async () => {
    const store = new FakeAglStore();
    await seedRollout(store, { reward: 1, agent: 'calc' });
    await seedRollout(store, { status: 'running' });
    const { app } = makeApp({ store });
    const response = await app.request('/api/status');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await json(response);
    expect(body).toMatchObject({
      reachable: true,
      dialect: '0.3',
      totalRollouts: 2,
      byStatus: { succeeded: 1, running: 1 },
      rewards: { withReward: 1, target: 500 },
    });
    expect((body.recent as unknown[]).length).toBe(2);
  });

  it('answers 503 with the reason and a hint while AGL is down', async () => {
    for (const options of [{ store: downStore() }, { connectStore: refusedConnect }]) {
      const { app } = makeApp(options);
      const response = await app.request('/api/status');
      expect(response.status).toBe(503);
      const body = await json(response);
      expect(body).toMatchObject({ reachable: false, endpoint: 'http://127.0.0.1:4747' });
      expect(body.reason).toContain('ECONNREFUSED');
      expect(body.hint).toContain('pnpm agl:server');
    }
  });

  it('recovers once AGL is back', async () => {
    const store = downStore();
    const { app } = makeApp({ store });
    expect((await app.request('/api/status')).status).toBe(503);
    store.down = false;
    expect((await app.request('/api/status')).status).toBe(200);
  });

  it('rejects unknown parameters, naming them', async () => {
    const { app } = makeApp();
    const response = await app.request('/api/status?verbose=1');
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: 'invalid_request',
      message: 'Unknown query parameter "verbose"',
      field: 'verbose',
    });
  });
});

describe('GET /api/rollouts', () => {
  async function filled(dialect: '0.2' | '0.3' = '0.3') {
    const store = new FakeAglStore({ dialect });
    const ids = {
      calc: (await seedRollout(store, { agent: 'calc', reward: 1 })).rolloutId,
      failed: (await seedRollout(store, { status: 'failed', metadataAgent: 'writer' })).rolloutId,
      running: (await seedRollout(store, { status: 'running', agent: 'Calc' })).rolloutId,
      queued: (await seedRollout(store, { status: 'queuing' })).rolloutId,
    };
    return { store, ids, ...makeApp({ store }) };
  }

  it.each(['0.2', '0.3'] as const)('lists newest first with paging (%s)', async (dialect) => {
    const { app, ids } = await filled(dialect);
    const first = await json(await app.request('/api/rollouts?limit=2'));
    expect(first).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect((first.items as Array<{ rolloutId: string }>).map((item) => item.rolloutId)).toEqual([
      ids.queued,
      ids.running,
    ]);
    const second = await json(await app.request('/api/rollouts?limit=2&offset=2'));
    expect((second.items as Array<{ rolloutId: string }>).map((item) => item.rolloutId)).toEqual([
      ids.failed,
      ids.calc,
    ]);
  });

  it.each(['0.2', '0.3'] as const)(
    'filters by status, repeated or comma-separated (%s)',
    async (dialect) => {
      const { app, ids } = await filled(dialect);
      for (const query of ['status=failed,queuing', 'status=failed&status=queuing']) {
        const body = await json(await app.request(`/api/rollouts?${query}`));
        expect(body.total).toBe(2);
        expect((body.items as Array<{ rolloutId: string }>).map((item) => item.rolloutId)).toEqual([
          ids.queued,
          ids.failed,
        ]);
      }
    },
  );

  it.each(['0.2', '0.3'] as const)(
    'filters by agent, from metadata or spans, ignoring case (%s)',
    async (dialect) => {
      const { app, ids } = await filled(dialect);
      const calc = await json(await app.request('/api/rollouts?agent=calc'));
      expect((calc.items as Array<{ rolloutId: string }>).map((item) => item.rolloutId)).toEqual([
        ids.running,
        ids.calc,
      ]);
      const writer = await json(await app.request('/api/rollouts?agent=writer&status=failed'));
      expect(writer).toMatchObject({
        total: 1,
        items: [{ rolloutId: ids.failed, agent: 'writer' }],
      });
    },
  );

  it('filters by time range, in epoch milliseconds or ISO 8601', async () => {
    let clock = Date.parse('2025-06-01T12:00:00Z') / 1000;
    const store = new FakeAglStore({ clock: () => (clock += 60) });
    const early = await seedRollout(store, { status: 'queuing' });
    const late = await seedRollout(store, { status: 'queuing' });
    const { app } = makeApp({ store });
    const lateStart = (await store.getRollout(late.rolloutId))?.start_time ?? 0;
    const since = await json(
      await app.request(`/api/rollouts?since=${Math.round(lateStart * 1000)}`),
    );
    expect(since).toMatchObject({ total: 1, items: [{ rolloutId: late.rolloutId }] });
    const until = await json(
      await app.request(`/api/rollouts?until=${new Date((lateStart - 1) * 1000).toISOString()}`),
    );
    expect(until).toMatchObject({ total: 1, items: [{ rolloutId: early.rolloutId }] });
  });

  it.each([
    ['status=done', 'status', 'unknown status "done"'],
    ['limit=0', 'limit', 'must be at least 1'],
    ['limit=500', 'limit', 'must be at most 200'],
    ['limit=ten', 'limit', 'must be a whole number'],
    ['offset=-1', 'offset', 'must be a whole number'],
    ['since=yesterday', 'since', 'ISO 8601'],
    ['since=2000&until=1000', 'until', 'must not be before "since"'],
    ['agent=', 'agent', 'must not be empty'],
    ['sort=asc', 'sort', 'Unknown query parameter'],
  ])('rejects %s with a 400 naming "%s"', async (query, field, text) => {
    const { app } = makeApp();
    const response = await app.request(`/api/rollouts?${query}`);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toMatchObject({ error: 'invalid_request', field });
    expect(body.message).toContain(`"${field}"`);
    expect(body.message).toContain(text);
  });

  it('answers 503 while AGL is down', async () => {
    const { app } = makeApp({ store: downStore() });
    const response = await app.request('/api/rollouts');
    expect(response.status).toBe(503);
    expect(await json(response)).toMatchObject({
      error: 'agl_unreachable',
      endpoint: 'http://127.0.0.1:4747',
      hint: expect.stringContaining('pnpm agl:server'),
    });
  });
});

describe('GET /api/rollouts/:id', () => {
  it('returns attempts and the span tree with timings', async () => {
    const store = new FakeAglStore();
    const seeded = await seedRollout(store, { agent: 'calc', reward: 0.5 });
    const { app } = makeApp({ store });
    const response = await app.request(`/api/rollouts/${seeded.rolloutId}`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      rollout: { rollout_id: seeded.rolloutId },
      summary: { agent: 'calc', reward: 0.5, status: 'succeeded' },
      attempts: [{ status: 'succeeded' }],
      tree: [
        {
          span: { name: 'invoke_agent calc' },
          offsetMs: 0,
          durationMs: 500,
          children: expect.any(Array),
        },
      ],
    });
  });

  it('answers 404 for an unknown rollout and 400 for a malformed id', async () => {
    const { app } = makeApp();
    const missing = await app.request('/api/rollouts/ro-nothere');
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ error: 'not_found', rolloutId: 'ro-nothere' });
    const malformed = await app.request('/api/rollouts/ro%20x%3Cy');
    expect(malformed.status).toBe(400);
    expect(await json(malformed)).toMatchObject({
      field: 'id',
      message: expect.stringContaining('"id"'),
    });
  });

  it('answers 503 while AGL is down', async () => {
    const { app } = makeApp({ connectStore: refusedConnect });
    expect((await app.request('/api/rollouts/ro-x')).status).toBe(503);
  });
});

/** Reads server-sent events until `until` returns true for the events so far. */
async function readEvents(
  response: Response,
  until: (events: Array<{ event: string; data: unknown }>) => boolean,
): Promise<Array<{ event: string; data: unknown }>> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; data: unknown }> = [];
  let buffer = '';
  try {
    while (!until(events)) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (event) events.push({ event, data: JSON.parse(data) });
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

describe('GET /api/events', () => {
  it('sends the current state, then rollouts as they appear, with a fresh status', async () => {
    const store = new FakeAglStore();
    const status = makeApp({ store });
    const response = await status.app.request('/api/events');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    let added: string | null = null;
    const events = await readEvents(response, (seen) => {
      // The second status follows the watcher's first poll; what is added after it is news.
      if (added === null && seen.filter((entry) => entry.event === 'status').length >= 2) {
        added = 'pending';
        void seedRollout(store, { status: 'queuing' }).then((seeded) => {
          added = seeded.rolloutId;
        });
      }
      return seen.some(
        (entry) =>
          entry.event === 'status' &&
          (entry.data as { totalRollouts?: number }).totalRollouts === 1,
      );
    });
    expect(events.slice(0, 2).map((entry) => entry.event)).toEqual(['throughput', 'status']);
    const rollout = events.find((entry) => entry.event === 'rollout');
    expect(rollout?.data).toMatchObject({
      type: 'added',
      rollout: { rolloutId: added, status: 'queuing' },
    });
    expect(status.feed.subscribers).toBe(0);
  });

  it('tells subscribers when AGL goes down and when it is back', async () => {
    const store = new FakeAglStore();
    const { app } = makeApp({ store });
    const response = await app.request('/api/events');
    let phase = 'up';
    const events = await readEvents(response, (seen) => {
      const statuses = seen
        .filter((entry) => entry.event === 'status')
        .map((entry) => entry.data as { reachable: boolean });
      if (phase === 'up' && statuses.length === 1) {
        phase = 'down';
        store.down = true;
      }
      if (phase === 'down' && statuses.some((entry) => !entry.reachable)) {
        phase = 'back';
        store.down = false;
      }
      return phase === 'back' && statuses.at(-1)?.reachable === true;
    });
    const reachability = events
      .filter((entry) => entry.event === 'status')
      .map((entry) => (entry.data as { reachable: boolean }).reachable);
    expect(reachability[0]).toBe(true);
    expect(reachability).toContain(false);
    expect(reachability.at(-1)).toBe(true);
  });
});

describe('GET /', () => {
  it('serves the page with a nonce-based content security policy', async () => {
    const { app } = makeApp();
    const response = await app.request('/', { headers: { Accept: 'text/html' } });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain('id="rollouts"');
    expect(html).toContain('http://127.0.0.1:4747');
  });

  it('never shows credentials from the AGL endpoint', async () => {
    const { app } = makeApp({
      endpoint: 'http://admin:s3cret@127.0.0.1:4747',
      connectStore: refusedConnect,
    });
    for (const path of ['/', '/health', '/api/status', '/api/rollouts']) {
      const text = await (await app.request(path)).text();
      expect(text, path).not.toContain('s3cret');
    }
  });
});

describe('bearer token', () => {
  it('protects everything but /health', async () => {
    const { app } = makeApp({ token: TOKEN });
    for (const path of [
      '/',
      '/api/status',
      '/api/rollouts',
      '/api/rollouts/ro-1',
      '/api/events',
      '/nope',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(await response.text()).not.toContain(TOKEN);
    }
  });

  it('accepts the bearer header and rejects a wrong one', async () => {
    const { app } = makeApp({ token: TOKEN });
    const right = await app.request('/api/status', {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(right.status).toBe(200);
    const wrong = await app.request('/api/status', {
      headers: { Authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toMatchObject({ error: 'unauthorized' });
  });

  it('turns ?token= on the page into a session cookie and drops it from the address', async () => {
    const { app } = makeApp({ token: TOKEN });
    const visit = await app.request(`/?token=${TOKEN}`);
    expect(visit.status).toBe(303);
    expect(visit.headers.get('location')).toBe('/');
    const setCookie = visit.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain(TOKEN);
    const cookie = setCookie.split(';')[0] ?? '';
    expect((await app.request('/', { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await app.request('/api/status', { headers: { Cookie: cookie } })).status).toBe(200);
    const forged = `${SESSION_COOKIE}=${'0'.repeat(64)}`;
    expect((await app.request('/api/status', { headers: { Cookie: forged } })).status).toBe(401);
  });

  it('accepts ?token= on the API too (for EventSource-like clients)', async () => {
    const { app } = makeApp({ token: TOKEN });
    expect((await app.request(`/api/status?token=${TOKEN}`)).status).toBe(200);
    expect((await app.request('/api/status?token=wrong-token-value')).status).toBe(401);
  });

  it('tells a browser without the token how to open the page', async () => {
    const { app } = makeApp({ token: TOKEN });
    const response = await app.request('/', { headers: { Accept: 'text/html' } });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('/?token=');
  });
});

describe('hardening', () => {
  it('answers only loopback host names when bound to loopback', async () => {
    const { app } = makeApp();
    const rebound = await app.request('http://evil.example:4748/api/status', {
      headers: { Host: 'evil.example:4748' },
    });
    expect(rebound.status).toBe(403);
    expect(await json(rebound)).toMatchObject({ error: 'forbidden_host' });
    for (const host of ['localhost:4748', '127.0.0.1:4748', '[::1]:4748']) {
      expect((await app.request('/health', { headers: { Host: host } })).status, host).toBe(200);
    }
  });

  it('answers any host name when bound beyond loopback', async () => {
    const { app } = makeApp({ host: '0.0.0.0' });
    expect((await app.request('/health', { headers: { Host: 'status.internal' } })).status).toBe(
      200,
    );
  });

  it('sets protective headers and answers unknown routes with JSON 404', async () => {
    const { app } = makeApp();
    const response = await app.request('/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await json(response)).toMatchObject({ error: 'not_found' });
  });

  it('hides internal errors behind a 500', async () => {
    const store = new FakeAglStore();
    store.queryRollouts = async () => {
      throw new TypeError('secret internal detail');
    };
    const { app } = makeApp({ store });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await app.request('/api/rollouts?agent=x');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret internal detail');
    expect(JSON.parse(text)).toMatchObject({ error: 'internal' });
    expect(logged).toHaveBeenCalledWith('agl-status: unexpected error:', expect.any(TypeError));
    logged.mockRestore();
  });
});
