import type { Page, Rollout, RolloutQuery } from '@agl/client';
import { FakeAglStore } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { seedRun } from '../../test/support/seed-runs.ts';
import { scanRollouts } from './scan-rollouts.ts';

/** Records the order of page reads and of the work done on each page. */
function tracing(store: FakeAglStore) {
  const order: string[] = [];
  const query = store.queryRollouts.bind(store);
  store.queryRollouts = async (q?: RolloutQuery): Promise<Page<Rollout>> => {
    order.push('page');
    return query(q);
  };
  return order;
}

describe('scanRollouts', () => {
  it('on AGL 0.3 reads the next page only when the previous one is done, oldest first', async () => {
    const store = new FakeAglStore({ dialect: '0.3' });
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push((await seedRun(store)).rolloutId);
    const order = tracing(store);
    const seen: string[] = [];
    for await (const page of scanRollouts(store, { pageSize: 2 })) {
      expect(page.total).toBe(5);
      order.push(`work ${page.rollouts.length}`);
      seen.push(...page.rollouts.map((rollout) => rollout.rollout_id));
    }
    expect(order).toEqual(['page', 'work 2', 'page', 'work 2', 'page', 'work 1']);
    expect(seen).toEqual(ids);
  });

  it('on AGL 0.2 reads the rollout list once and hands it out in pages', async () => {
    const store = new FakeAglStore({ dialect: '0.2' });
    for (let i = 0; i < 3; i += 1) await seedRun(store);
    const order = tracing(store);
    const sizes: number[] = [];
    for await (const page of scanRollouts(store, { pageSize: 2 })) sizes.push(page.rollouts.length);
    expect(sizes).toEqual([2, 1]);
    expect(order).toEqual(['page']);
  });

  it('passes status and id filters to the store', async () => {
    const store = new FakeAglStore();
    const kept = await seedRun(store, { status: 'failed' });
    await seedRun(store);
    const pages = [];
    for await (const page of scanRollouts(store, { statuses: ['failed'] })) pages.push(page);
    expect(pages.flatMap((page) => page.rollouts.map((rollout) => rollout.rollout_id))).toEqual([
      kept.rolloutId,
    ]);
    const none = [];
    for await (const page of scanRollouts(store, { ids: ['ro-none'] })) none.push(page);
    expect(none).toEqual([]);
  });

  it('never hands out a rollout twice when new ones shift the pages', async () => {
    const store = new FakeAglStore();
    for (let i = 0; i < 4; i += 1) await seedRun(store);
    const query = store.queryRollouts.bind(store);
    // Every read sees the list one further along, as if rollouts before the offset were added.
    let shift = 0;
    store.queryRollouts = async (q?: RolloutQuery) =>
      query({ ...q, offset: Math.max(0, (q?.offset ?? 0) - shift++) });
    const seen: string[] = [];
    for await (const page of scanRollouts(store, { pageSize: 2 })) {
      seen.push(...page.rollouts.map((rollout) => rollout.rollout_id));
    }
    expect(new Set(seen).size).toBe(seen.length);
  });
});
