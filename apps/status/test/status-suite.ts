import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type AglStore, connect } from '@agl/client';
import { type SeededRollout, seedRollout } from '@agl/snapshot/testing';
import { type AglStoreProcess, freePort } from '@agl/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStatusApp, type StatusApp } from '../src/app.ts';
import { runStatusCli } from '../src/cli/status.ts';

const CLI = fileURLToPath(new URL('../src/cli/status.ts', import.meta.url));

/** Runs the real command in a child process. */
async function runCliProcess(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=@agl/source', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Every route and the CLI against a real `agl store`. */
export function statusSuite(server: AglStoreProcess): void {
  let store: AglStore;
  let status: StatusApp;
  const seeded: Record<string, SeededRollout> = {};
  const dialect = () => (server.version === '0.2.2' ? '0.2' : '0.3');

  beforeAll(async () => {
    store = await connect(server.url);
    seeded.calc = await seedRollout(store, { agent: 'calc', reward: 1, tokens: [100, 10] });
    seeded.failed = await seedRollout(store, {
      status: 'failed',
      agent: 'writer',
      error: 'model refused',
    });
    seeded.running = await seedRollout(store, { status: 'running', metadataAgent: 'calc' });
    seeded.queued = await seedRollout(store, { status: 'queuing' });
    status = createStatusApp({
      config: { endpoint: server.url, host: '127.0.0.1', token: null, pollIntervalMs: 200 },
      connectStore: (endpoint) => connect(endpoint),
    });
  });
  afterAll(async () => {
    await status?.close();
    await store?.close();
  });

  it('GET /health reports AGL reachable with its dialect', async () => {
    const body = await (await status.app.request('/health')).json();
    expect(body).toMatchObject({
      status: 'ok',
      agl: { reachable: true, dialect: dialect(), endpoint: server.url },
    });
  });

  it('GET /api/status returns the counts, the latest rollouts and rewards readiness', async () => {
    const response = await status.app.request('/api/status');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      reachable: true,
      dialect: dialect(),
      totalRollouts: 4,
      totalSpans: 3 + 2 + 2,
      byStatus: { succeeded: 1, failed: 1, running: 1, queuing: 1 },
      rewards: { withReward: 1, target: 500, finished: 2 },
      recent: [
        { rolloutId: seeded.queued?.rolloutId },
        { rolloutId: seeded.running?.rolloutId, agent: 'calc' },
        { rolloutId: seeded.failed?.rolloutId, error: 'model refused' },
        { rolloutId: seeded.calc?.rolloutId, reward: 1, inputTokens: 100 },
      ],
    });
  });

  it('GET /api/rollouts filters by status and agent and pages', async () => {
    const ids = async (query: string) => {
      const response = await status.app.request(`/api/rollouts?${query}`);
      expect(response.status, query).toBe(200);
      const body = (await response.json()) as {
        items: Array<{ rolloutId: string }>;
        total: number;
      };
      return { ids: body.items.map((item) => item.rolloutId), total: body.total };
    };
    expect(await ids('status=succeeded,failed')).toEqual({
      ids: [seeded.failed?.rolloutId, seeded.calc?.rolloutId],
      total: 2,
    });
    expect(await ids('agent=calc')).toEqual({
      ids: [seeded.running?.rolloutId, seeded.calc?.rolloutId],
      total: 2,
    });
    expect(await ids('limit=1&offset=1')).toEqual({ ids: [seeded.running?.rolloutId], total: 4 });
    expect(await ids(`since=${Date.now() + 60_000}`)).toEqual({ ids: [], total: 0 });
    expect((await status.app.request('/api/rollouts?status=nope')).status).toBe(400);
  });

  it('GET /api/rollouts/:id returns attempts and the span tree', async () => {
    const response = await status.app.request(`/api/rollouts/${seeded.calc?.rolloutId}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      summary: { agent: 'calc', reward: 1, spanCount: 3 },
      attempts: [{ status: 'succeeded' }],
      tree: [
        {
          span: { name: 'invoke_agent calc' },
          offsetMs: 0,
          children: [
            { span: { name: 'chat offline-model' } },
            { span: { name: 'agentlightning.reward' } },
          ],
        },
      ],
    });
    expect((await status.app.request('/api/rollouts/ro-000000000000')).status).toBe(404);
  });

  it('GET /api/events pushes a rollout added through the client', async () => {
    const response = await status.app.request('/api/events');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    let added: SeededRollout | null = null;
    try {
      while (added === null || !text.includes(`"rolloutId":"${added.rolloutId}"`)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        // The second status follows the watcher's first poll; what is added after it is news.
        if (added === null && (text.match(/^event: status$/gm) ?? []).length >= 2) {
          added = await seedRollout(store, { status: 'queuing' });
        }
      }
    } finally {
      await reader.cancel();
    }
    expect(text).toMatch(/^event: rollout$/m);
    expect(text).toContain(`"type":"added","rollout":{"rolloutId":"${added?.rolloutId}"`);
  });

  it('agl:status prints the same data as /api/status and exits 0', async () => {
    const cli = await runStatusCli(['--json', '--endpoint', server.url]);
    expect(cli.exitCode).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as { recent: Array<{ rolloutId: string }> };
    const fromApi = (await (await status.app.request('/api/status')).json()) as typeof fromCli;
    const stable = (snapshot: { recent: Array<{ rolloutId: string }> }) => ({
      ...snapshot,
      takenAt: 0,
      latencyMs: 0,
      recent: snapshot.recent.map((rollout) => rollout.rolloutId),
    });
    expect(stable(fromCli)).toEqual({
      ...stable(fromApi),
      recent: stable(fromApi).recent.slice(0, 10),
    });

    const child = await runCliProcess(['--endpoint', server.url]);
    expect(child.code).toBe(0);
    expect(child.stdout).toContain(`AGL ${dialect()} at ${server.url}: reachable`);
    expect(child.stdout).toContain(seeded.calc?.rolloutId);
  });

  it('agl:status exits 1 with how to start AGL when nothing answers', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const child = await runCliProcess(['--endpoint', nowhere]);
    expect(child.code).toBe(1);
    expect(child.stderr).toContain(nowhere);
    expect(child.stderr).toContain('pnpm agl:server');
    const json = await runCliProcess(['--json', '--endpoint', nowhere]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ reachable: false, endpoint: nowhere });
  });

  it('answers 503 on every data route when AGL is not there', async () => {
    const down = createStatusApp({
      config: {
        endpoint: `http://127.0.0.1:${await freePort()}`,
        host: '127.0.0.1',
        token: null,
        pollIntervalMs: 200,
      },
      connectStore: (endpoint) => connect(endpoint),
    });
    try {
      for (const path of ['/api/status', '/api/rollouts', '/api/rollouts/ro-1']) {
        const response = await down.app.request(path);
        expect(response.status, path).toBe(503);
        expect(JSON.stringify(await response.json())).toContain('pnpm agl:server');
      }
      expect(await (await down.app.request('/health')).json()).toMatchObject({
        agl: { reachable: false },
      });
    } finally {
      await down.close();
    }
  });
}
