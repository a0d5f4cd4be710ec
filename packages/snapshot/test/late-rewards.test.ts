import { type AglStore, connect } from '@agl/client';
import type { AglStoreProcess } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot, SummaryCache } from '../src/index.ts';
import { addLateReward, type SeededRollout, seedRollout } from '../src/testing/seed.ts';

/** Rewards written after a rollout finished (`pnpm agl:eval`) must reach every later count. */
function lateRewardSuite(server: AglStoreProcess): void {
  let store: AglStore;
  let seeded: SeededRollout[];
  let clock = 1_000_000;
  const cache = new SummaryCache(20_000, { recheckAfterMs: 60_000, now: () => clock });

  beforeAll(async () => {
    store = await connect(server.url);
    seeded = [];
    for (let index = 0; index < 3; index += 1) {
      seeded.push(await seedRollout(store, { status: 'succeeded', agent: `late-${index}` }));
    }
  });
  afterAll(async () => {
    await store?.close();
  });

  it('counts a reward added after the rollout finished, with a cache shared since before', async () => {
    const before = await collectSnapshot(store, { cache });
    expect(before.rewards).toMatchObject({ withReward: 0, checked: 3, finished: 3 });
    expect(cache.size).toBe(3);

    await addLateReward(store, seeded[1] as SeededRollout, 0.5);
    // AGL 0.3 returns each rollout's latest attempt, whose heartbeat the new span moved: the
    // next snapshot notices at once. AGL 0.2 does not, so cached rollouts are read again once due.
    if (store.dialect === '0.2') clock += 60_000;
    const after = await collectSnapshot(store, { cache });
    expect(after.rewards).toMatchObject({ withReward: 1, checked: 3, finished: 3 });
    const rewarded = after.recent.find((rollout) => rollout.rolloutId === seeded[1]?.rolloutId);
    expect(rewarded?.reward).toBe(0.5);
  });

  it('counts every finished rollout when no span budget is set', async () => {
    const snapshot = await collectSnapshot(store, {
      maxSpanFetches: Number.POSITIVE_INFINITY,
      recent: 0,
    });
    expect(snapshot.rewards).toMatchObject({ withReward: 1, checked: 3, finished: 3 });
    expect(snapshot.recent).toEqual([]);
    expect(snapshot.totalRollouts).toBe(3);
  });
}

describe('late rewards against agl store 0.2.2', () => {
  lateRewardSuite(useAglStore('0.2.2'));
});

describe('late rewards against agl store 0.3.0', () => {
  lateRewardSuite(useAglStore('0.3.0'));
});
