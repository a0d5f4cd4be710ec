// The monitor against a real agl-server 1.0.2 with a key: the live feed and `--once`.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AglServerClient } from '@agl/client';
import { useAglServer } from '@agl/testkit/vitest';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorState } from '../src/feed.ts';
import { Server1Feed } from '../src/server-1-feed.ts';

const KEY = 'monitor-key';
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const runFile = promisify(execFile);

async function until(
  feed: Server1Feed,
  accept: (state: MonitorState) => boolean,
  what: string,
): Promise<MonitorState> {
  const deadline = Date.now() + 20_000;
  while (!accept(feed.getState())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(feed.getState(), null, 1)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return feed.getState();
}

describe('monitor on agl-server 1.0.2', () => {
  const agl = useAglServer({ key: KEY });
  let client: AglServerClient;
  const feeds: Server1Feed[] = [];
  const openFeed = (key: string) => {
    const feed = new Server1Feed({
      client: new AglServerClient(agl.url, { key }),
      intervalMs: 200,
      recent: 10,
    }).start();
    feeds.push(feed);
    return feed;
  };

  beforeAll(async () => {
    client = new AglServerClient(agl.url, { key: KEY });
    await client.createRollouts([
      { rollout_id: 'm-done', input: { post: 'a' }, metadata: { agent_name: 'postAnalyzer' } },
      { rollout_id: 'm-waiting', input: { post: 'b' } },
    ]);
    await client.claimRollout('m-done', '0');
    await client.postReward('m-done', '0', 0.6);
    await client.finishRollout('m-done', 'succeeded');
  });
  afterEach(async () => {
    for (const feed of feeds.splice(0)) await feed.close();
  });

  it('the live feed shows the 1.0 server, follows changes and opens a rollout', async () => {
    const feed = openFeed(KEY);
    const first = await until(feed, (state) => state.snapshot !== null, 'the first snapshot');
    expect(first.snapshot).toMatchObject({
      dialect: '1.0',
      totalRollouts: 2,
      totalSpans: null,
      byStatus: { succeeded: 1, queuing: 1 },
    });
    expect(first.outage).toBeNull();
    await client.claimRollout('m-waiting', '0');
    await client.finishRollout('m-waiting', 'failed', 'the agent crashed');
    const later = await until(
      feed,
      (state) => state.snapshot?.byStatus.failed === 1,
      'the failed rollout',
    );
    expect(
      later.snapshot?.recent.find((rollout) => rollout.rolloutId === 'm-waiting'),
    ).toMatchObject({ status: 'failed', error: 'the agent crashed' });
    const detail = await feed.loadDetail('m-done');
    expect(detail?.summary).toMatchObject({ agent: 'postAnalyzer', reward: 0.6 });
    expect(detail?.tree).toEqual([]);
  });

  it('a wrong key is an outage that says to set AGL_KEY', async () => {
    const feed = openFeed('wrong-key');
    const state = await until(feed, (current) => current.outage !== null, 'the outage');
    expect(state.snapshot).toBeNull();
    expect(state.outage?.reason).toMatch(/Set AGL_KEY/);
    expect(state.outage?.failures).toBe(1);
  });

  it('--once detects AGL 1.0 and prints one table', async () => {
    const { stdout } = await runFile(
      process.execPath,
      ['--conditions=@agl/source', '--no-warnings', CLI, '--once', '--endpoint', agl.url],
      { env: { ...process.env, AGL_KEY: KEY }, timeout: 30_000 },
    );
    expect(stdout).toContain(`AGL monitor  ${agl.url}  AGL 1.0`);
    expect(stdout).toMatch(/rollouts 2 /);
    expect(stdout).toContain('m-done');
    expect(stdout).toContain('m-waiting');
    expect(stdout).toContain('AGL 1.0 keeps no spans');
  });

  it('--once without the key exits 1 saying to set AGL_KEY', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.AGL_KEY;
    const failure = await runFile(
      process.execPath,
      ['--conditions=@agl/source', '--no-warnings', CLI, '--once', '--endpoint', agl.url],
      { env, timeout: 30_000 },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Set AGL_KEY/);
  });
});
