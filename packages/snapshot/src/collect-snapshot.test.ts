import { describe, expect, it } from 'vitest';
import { collectSnapshot } from './collect-snapshot.ts';
import { describeUnreachable } from './describe-unreachable.ts';
import { SummaryCache } from './summary-cache.ts';
import { FakeAglStore } from './testing/fake-store.ts';
import { seedRollout } from './testing/seed.ts';

describe.each(['0.2', '0.3'] as const)('collectSnapshot on a %s store', (dialect) => {
  async function filledStore() {
    const store = new FakeAglStore({ dialect });
    await seedRollout(store, { status: 'succeeded', agent: 'calc', reward: 1, tokens: [10, 2] });
    await seedRollout(store, { status: 'failed', error: 'model refused', tokens: [5, 1] });
    await seedRollout(store, { status: 'running', metadataAgent: 'writer' });
    await seedRollout(store, { status: 'queuing' });
    return store;
  }

  it('counts rollouts by status and lists the newest first', async () => {
    const store = await filledStore();
    const snapshot = await collectSnapshot(store, { recent: 3, now: () => 1_000 });
    expect(snapshot).toMatchObject({
      endpoint: 'http://127.0.0.1:4747',
      dialect,
      reachable: true,
      takenAt: 1_000,
      totalRollouts: 4,
      byStatus: {
        queuing: 1,
        running: 1,
        succeeded: 1,
        failed: 1,
        preparing: 0,
        cancelled: 0,
        requeuing: 0,
      },
    });
    expect(snapshot.recent.map((rollout) => rollout.status)).toEqual([
      'queuing',
      'running',
      'failed',
    ]);
    expect(snapshot.recent[1]).toMatchObject({ agent: 'writer', attempts: 1, spanCount: 2 });
    expect(snapshot.recent[2]).toMatchObject({
      error: 'model refused',
      inputTokens: 5,
      attempts: 1,
    });
  });

  it('counts spans over the whole store', async () => {
    const snapshot = await collectSnapshot(await filledStore());
    expect(snapshot.totalSpans).toBe(3 + 2 + 2);
  });

  it('reports rewards readiness over finished rollouts', async () => {
    const snapshot = await collectSnapshot(await filledStore(), { rewardTarget: 10 });
    expect(snapshot.rewards).toEqual({ withReward: 1, target: 10, checked: 2, finished: 2 });
  });

  it('reads spans of a finished rollout once when given a shared cache', async () => {
    const store = await filledStore();
    const cache = new SummaryCache();
    await collectSnapshot(store, { cache });
    const firstReads = store.count('querySpans');
    expect(firstReads).toBe(3); // two finished and one running; the queued one has none to read
    store.resetCounts();
    const again = await collectSnapshot(store, { cache });
    expect(store.count('querySpans')).toBe(1); // only the running one
    expect(again.recent.find((rollout) => rollout.status === 'succeeded')).toMatchObject({
      agent: 'calc',
      reward: 1,
      spanCount: 3,
    });
  });

  it('caps span reads for rewards and catches up on later snapshots', async () => {
    const store = new FakeAglStore({ dialect });
    for (let i = 0; i < 5; i += 1) await seedRollout(store, { reward: i });
    const cache = new SummaryCache();
    const first = await collectSnapshot(store, { cache, recent: 0, maxSpanFetches: 2 });
    expect(first.rewards).toMatchObject({ withReward: 2, checked: 2, finished: 5 });
    const second = await collectSnapshot(store, { cache, recent: 0, maxSpanFetches: 2 });
    expect(second.rewards).toMatchObject({ withReward: 4, checked: 4 });
    const third = await collectSnapshot(store, { cache, recent: 0, maxSpanFetches: 2 });
    expect(third.rewards).toMatchObject({ withReward: 5, checked: 5 });
  });

  it('stops checking once the reward target is met', async () => {
    const store = new FakeAglStore({ dialect });
    for (let i = 0; i < 6; i += 1) await seedRollout(store, { reward: 1 });
    store.resetCounts();
    const snapshot = await collectSnapshot(store, { recent: 0, rewardTarget: 2 });
    expect(snapshot.rewards).toMatchObject({ withReward: 2, checked: 2, finished: 6 });
    expect(store.count('querySpans')).toBeLessThan(6);
  });

  it('throws when the store is down, and describeUnreachable explains it', async () => {
    const store = await filledStore();
    store.down = true;
    const error = await collectSnapshot(store).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unavailable' });
    const unreachable = describeUnreachable(store.baseUrl, error, { now: 5 });
    expect(unreachable).toMatchObject({ reachable: false, takenAt: 5, endpoint: store.baseUrl });
    expect(unreachable.reason).toContain('ECONNREFUSED');
    expect(unreachable.hint).toContain('pnpm agl:server');
  });
});

describe('collectSnapshot efficiency', () => {
  it('pages and uses statistics on a 0.3 store', async () => {
    const store = new FakeAglStore({ dialect: '0.3' });
    for (let i = 0; i < 30; i += 1) await seedRollout(store, { status: 'running' });
    store.resetCounts();
    const snapshot = await collectSnapshot(store, { recent: 5 });
    expect(snapshot.recent).toHaveLength(5);
    expect(store.count('statistics')).toBe(1);
    expect(store.count('querySpans')).toBe(5);
    expect(store.count('queryAttempts')).toBe(0); // 0.3 returns the latest attempt with the rollout
    expect(snapshot.totalSpans).toBe(60);
  });

  it('reads the rollout list once on a 0.2 store and spans only for the recent ones', async () => {
    const store = new FakeAglStore({ dialect: '0.2' });
    for (let i = 0; i < 30; i += 1) await seedRollout(store, { status: 'running' });
    store.resetCounts();
    const snapshot = await collectSnapshot(store, { recent: 5 });
    expect(store.count('queryRollouts')).toBe(1);
    expect(store.count('statistics')).toBe(0);
    expect(store.count('querySpans')).toBe(5);
    expect(snapshot.totalSpans).toBeNull(); // 25 running rollouts were not read
  });

  it('hides credentials in the endpoint', async () => {
    const store = new FakeAglStore({ baseUrl: 'http://user:secret@127.0.0.1:4747/' });
    const snapshot = await collectSnapshot(store);
    expect(snapshot.endpoint).toBe('http://127.0.0.1:4747');
  });

  it('rejects a negative recent count', async () => {
    await expect(collectSnapshot(new FakeAglStore(), { recent: -1 })).rejects.toThrow(/recent/);
  });
});
