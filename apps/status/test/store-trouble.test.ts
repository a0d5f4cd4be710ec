import { type AglStore, connect } from '@agl/client';
import { seedRollout } from '@agl/snapshot/testing';
import { type FaultProxy, startFaultProxy } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusApp, type StatusApp } from '../src/app.ts';
import { runStatusCli } from '../src/cli/status.ts';
import { connectStore } from '../src/store-client.ts';

/** A store that hangs or answers errors is reported as what it does, not as "unreachable". */
describe('status server and agl:status against a misbehaving agl store 0.3.0', () => {
  const server = useAglStore('0.3.0');
  let proxy: FaultProxy;
  let store: AglStore;
  let status: StatusApp;

  beforeAll(async () => {
    store = await connect(server.url);
    for (let index = 0; index < 3; index += 1) await seedRollout(store, { agent: `a${index}` });
    proxy = await startFaultProxy(server.port);
    status = createStatusApp({
      config: { endpoint: proxy.url, host: '127.0.0.1', token: null, pollIntervalMs: 200 },
      connectStore,
    });
  });
  afterAll(async () => {
    await status?.close();
    await proxy?.stop();
    await store?.close();
  });

  it('agl:status --recent 0 counts the rollouts instead of calling the store empty', async () => {
    const cli = await runStatusCli(['--recent', '0', '--endpoint', server.url]);
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toContain('Rollouts: 3 total');
    expect(cli.stdout).not.toContain('No rollouts yet.');
  });

  it('says a hung store is not answering, after the short dashboard timeout', async () => {
    expect((await status.app.request('/api/status')).status).toBe(200);
    proxy.setMode({ kind: 'stall' });
    try {
      const response = await status.app.request('/api/status');
      expect(response.status).toBe(503);
      const body = (await response.json()) as { problem: string; reason: string; hint: string };
      expect(body.problem).toBe('not_answering');
      expect(body.reason).toMatch(
        /is not answering: GET \S+ (did not answer in time|got no complete answer within 4000 ms)/,
      );
      expect(body.hint).not.toContain('pnpm agl:server');
    } finally {
      proxy.setMode({ kind: 'pass' });
    }
  });

  it('reports what a store answering 500 on listing said, not that it is unreachable', async () => {
    // A lone surrogate in a rollout's input breaks AGL 0.3's rollout listing for good.
    const poisoned = await fetch(`${server.url}/v1/agl/queues/rollouts/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"rollouts":[{"input":"\\ud800"}]}',
    });
    // AGL stores it, then fails to echo it back: the answer is 500 already.
    await poisoned.body?.cancel();
    const response = await status.app.request('/api/status');
    expect(response.status).toBe(503);
    const body = (await response.json()) as { problem: string; reason: string; hint: string };
    expect(body.problem).toBe('error_answer');
    expect(body.reason).toMatch(/answered HTTP 5\d\d/);
    expect(body.reason).not.toMatch(/unreachable/);
    expect(body.hint).not.toContain('pnpm agl:server');

    const cli = await runStatusCli(['--endpoint', server.url]);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr).toMatch(/answered HTTP 5\d\d/);
    expect(cli.stderr).not.toContain('unreachable');
  });
});
