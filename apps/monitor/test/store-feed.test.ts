// StoreFeed against a real `agl store` 0.3: incremental updates, details, pause, outage, close.
import { type AglStore, connect } from '@agl/client';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorState } from '../src/feed.ts';
import { StoreFeed } from '../src/store-feed.ts';
import { addFailedRollout, addRunningRollout, addSucceededRollout } from './fill-store.ts';

const INTERVAL_MS = 200;

describe('StoreFeed against agl store 0.3.0', () => {
  const agl = useAglStore('0.3.0');
  let client: AglStore;
  let feed: StoreFeed;
  let succeeded: string;
  let failed: string;
  let changes = 0;

  async function until(
    accept: (state: MonitorState) => boolean,
    what: string,
  ): Promise<MonitorState> {
    const deadline = Date.now() + 20_000;
    while (!accept(feed.getState())) {
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${what}: ${JSON.stringify(feed.getState(), null, 1)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return feed.getState();
  }

  const ids = (state: MonitorState) =>
    state.snapshot?.recent.map((rollout) => rollout.rolloutId) ?? [];

  beforeAll(async () => {
    client = await connect(agl.url);
    succeeded = await addSucceededRollout(client, 'weather-agent');
    failed = await addFailedRollout(client, 'billing-agent');
    feed = new StoreFeed({
      endpoint: agl.url,
      connect: (url) => connect(url),
      intervalMs: INTERVAL_MS,
      recent: 3,
    });
    feed.subscribe(() => {
      changes += 1;
    });
    feed.start();
  });

  afterAll(async () => {
    await feed?.close();
    await client?.close();
  });

  it('reads the header and the rollouts already in the store', async () => {
    const state = await until((s) => ids(s).length === 2, 'the first snapshot');
    expect(state.endpoint).toBe(agl.url);
    expect(state.outage).toBeNull();
    expect(state.snapshot).toMatchObject({ dialect: '0.3', totalRollouts: 2, totalSpans: 6 });
    expect(state.snapshot?.byStatus).toMatchObject({ succeeded: 1, failed: 1 });
    expect(state.snapshot?.rewards).toMatchObject({ withReward: 1, target: 500 });
    const row = state.snapshot?.recent.find((rollout) => rollout.rolloutId === succeeded);
    expect(row).toMatchObject({
      agent: 'weather-agent',
      spanCount: 4,
      inputTokens: 1_234,
      outputTokens: 56,
      reward: 0.75,
    });
  });

  it('adds new rollouts as they arrive, keeps the newest, and records throughput', async () => {
    const running = await addRunningRollout(client, 'planner-agent');
    const later = await addSucceededRollout(client, 'late-agent');
    const state = await until((s) => ids(s).includes(later), 'the new rollouts');
    // `recent: 3` keeps the three newest, newest first.
    expect(ids(state)).toEqual([later, running, failed]);
    const spans = await until(
      (s) => s.throughput.some((sample) => sample.spansPerSecond > 0),
      'a throughput sample with spans',
    );
    expect(spans.throughput.length).toBeGreaterThan(0);
  });

  it('loads one rollout with attempts and span tree, and null for an unknown id', async () => {
    const detail = await feed.loadDetail(succeeded);
    expect(detail?.attempts).toHaveLength(1);
    expect(detail?.tree.map((node) => node.span.name)).toEqual(['invoke_agent weather-agent']);
    expect(detail?.tree[0]?.children.map((node) => node.span.name)).toEqual([
      'chat gpt-4o-mini',
      'agentlightning.reward',
    ]);
    expect(await feed.loadDetail('ro-000000000000')).toBeNull();
  });

  it('stops reading while paused and catches up on resume', async () => {
    feed.setPaused(true);
    expect(feed.getState().paused).toBe(true);
    const before = feed.getState();
    const added = await addRunningRollout(client, 'while-paused');
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 5));
    expect(feed.getState().snapshot).toBe(before.snapshot);
    feed.setPaused(false);
    await until((s) => ids(s).includes(added), 'the rollout added while paused');
  });

  it('reports an outage with a failure count and the next retry, and closes while it lasts', async () => {
    await agl.kill();
    const down = await until((s) => s.outage !== null, 'the outage');
    expect(down.outage?.reason).toContain(agl.url);
    expect(down.outage?.nextRetryAt).toBeGreaterThan(
      down.outage?.since ?? Number.POSITIVE_INFINITY,
    );
    // The last good data stays for the screen to show.
    expect(ids(down).length).toBe(3);
    await until((s) => (s.outage?.failures ?? 0) >= 3, 'more failed polls');
    await feed.close();
    const closedAt = changes;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 5));
    expect(changes).toBe(closedAt);
  });
});
