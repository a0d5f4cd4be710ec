// The status server (API, live events, page) against a real agl-server 1.0.2 with a key.
import { AglServerClient, connect } from '@agl/client';
import { startOfflineModel } from '@agl/offline-model';
import type { StoreSnapshot, UnreachableSnapshot } from '@agl/snapshot';
import { freePort } from '@agl/testkit';
import { useAglServer } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStatusServer, startStatusServer } from '../src/server.ts';

const KEY = 'status-server-key';

async function firstStatusEvent(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/api/events`, { signal: AbortSignal.timeout(10_000) });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the event stream ended before a status event: ${text}`);
      text += decoder.decode(value, { stream: true });
      const match = /event: status\ndata: (.*)\n/.exec(text);
      if (match?.[1]) return JSON.parse(match[1]);
    }
  } finally {
    await reader.cancel();
  }
}

describe('status server on agl-server 1.0.2', () => {
  const agl = useAglServer({ key: KEY });
  let model: Awaited<ReturnType<typeof startOfflineModel>>;
  let server: RunningStatusServer;
  let wrongKey: RunningStatusServer;

  beforeAll(async () => {
    model = await startOfflineModel();
    const client = new AglServerClient(agl.url, { key: KEY });
    await client.registerModels([{ model: agl.gatewayModel, endpoint: model.url }]);
    // One by one, so their creation times order them: done, broken, waiting.
    await client.createRollouts([
      { rollout_id: 'done', input: { post: 'a' }, metadata: { agent_name: 'postAnalyzer' } },
    ]);
    await client.createRollouts([{ rollout_id: 'broken', input: { post: 'b' } }]);
    await client.createRollouts([{ rollout_id: 'waiting', input: { post: 'c' } }]);
    await client.claimRollout('done', 'a-1');
    const call = await fetch(`${client.gatewayBaseUrl('done', 'a-1')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Describe this post' }] }),
    });
    expect(call.status).toBe(200);
    await client.postReward('done', 'a-1', 0.8);
    await client.finishRollout('done', 'succeeded');
    await client.claimRollout('broken', '0');
    await client.finishRollout('broken', 'failed', 'the agent crashed');
    const config = { endpoint: agl.url, host: '127.0.0.1', token: null, pollIntervalMs: 300 };
    server = await startStatusServer({ ...config, port: await freePort(), key: KEY }, (url) =>
      connect(url),
    );
    wrongKey = await startStatusServer(
      { ...config, port: await freePort(), key: 'not-the-key' },
      (url) => connect(url),
    );
  });
  afterAll(async () => {
    await server?.close();
    await wrongKey?.close();
    await model?.close();
  });

  it('GET /api/status: the 1.0 server by state, with gateway tokens and rewards', async () => {
    const response = await fetch(`${server.url}/api/status`);
    expect(response.status).toBe(200);
    const status = (await response.json()) as StoreSnapshot;
    expect(status).toMatchObject({
      dialect: '1.0',
      reachable: true,
      totalRollouts: 3,
      totalSpans: null,
      byStatus: { queuing: 1, running: 0, succeeded: 1, failed: 1 },
      rewards: { withReward: 1, finished: 2, checked: 2 },
    });
    const done = status.recent.find(
      (rollout: { rolloutId: string }) => rollout.rolloutId === 'done',
    );
    expect(done).toMatchObject({ agent: 'postAnalyzer', status: 'succeeded', reward: 0.8 });
    expect(done?.inputTokens).toBeGreaterThan(0);
    const broken = status.recent.find((rollout) => rollout.rolloutId === 'broken');
    expect(broken).toMatchObject({ status: 'failed', error: 'the agent crashed' });
  });

  it('GET /health reports AGL 1.0 as reachable', async () => {
    const health = (await (await fetch(`${server.url}/health`)).json()) as { agl: unknown };
    expect(health.agl).toMatchObject({ reachable: true, dialect: '1.0' });
  });

  it('GET /api/events starts with the 1.0 status', async () => {
    const status = await firstStatusEvent(server.url);
    expect(status).toMatchObject({ dialect: '1.0', reachable: true, totalRollouts: 3 });
  });

  it('GET / serves the page', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('AGL 1.0 keeps no spans');
  });

  it('GET /api/rollouts pages and filters the 1.0 rollouts, newest first', async () => {
    const all = (await (await fetch(`${server.url}/api/rollouts?limit=2`)).json()) as {
      items: Array<{ rolloutId: string }>;
      total: number;
    };
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.rolloutId)).toEqual(['waiting', 'broken']);
    const older = (await (await fetch(`${server.url}/api/rollouts?limit=2&offset=2`)).json()) as {
      items: Array<{ rolloutId: string; reward: number }>;
    };
    expect(older.items).toMatchObject([{ rolloutId: 'done', reward: 0.8 }]);
    const byAgent = (await (
      await fetch(`${server.url}/api/rollouts?agent=POSTANALYZER&status=succeeded,failed`)
    ).json()) as { total: number };
    expect(byAgent.total).toBe(1);
    const cancelled = (await (
      await fetch(`${server.url}/api/rollouts?status=cancelled`)
    ).json()) as {
      total: number;
    };
    expect(cancelled.total).toBe(0);
  });

  it('GET /api/rollouts/:id gives the summary without attempts or spans; 404 for unknown', async () => {
    const detail = await fetch(`${server.url}/api/rollouts/done`);
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      dialect: '1.0',
      summary: { rolloutId: 'done', reward: 0.8, agent: 'postAnalyzer' },
      attempts: [],
      tree: [],
    });
    expect((await fetch(`${server.url}/api/rollouts/nope`)).status).toBe(404);
  });

  it('a wrong key is a 503 status saying to set AGL_KEY', async () => {
    const response = await fetch(`${wrongKey.url}/api/status`);
    expect(response.status).toBe(503);
    const status = (await response.json()) as UnreachableSnapshot;
    expect(status).toMatchObject({ reachable: false });
    expect(status.reason).toMatch(/Set AGL_KEY/);
  });
});
