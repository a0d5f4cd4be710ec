import { describe, expect, it } from 'vitest';
import { getRolloutDetail } from './rollout-detail.ts';
import { FakeAglStore } from './testing/fake-store.ts';
import { seedRollout } from './testing/seed.ts';

describe.each(['0.2', '0.3'] as const)('getRolloutDetail on a %s store', (dialect) => {
  it('returns attempts, a summary and the span tree', async () => {
    const store = new FakeAglStore({ dialect });
    const seeded = await seedRollout(store, { agent: 'calc', reward: 0.5, tokens: [7, 3] });
    const detail = await getRolloutDetail(store, seeded.rolloutId, { now: 0 });
    expect(detail?.rollout.rollout_id).toBe(seeded.rolloutId);
    expect(detail?.attempts.map((attempt) => attempt.status)).toEqual(['succeeded']);
    expect(detail?.summary).toMatchObject({
      agent: 'calc',
      reward: 0.5,
      inputTokens: 7,
      spanCount: 3,
    });
    expect(detail?.tree).toHaveLength(1);
    const [root] = detail?.tree ?? [];
    expect(root?.span.name).toBe('invoke_agent calc');
    expect(root?.children.map((child) => child.span.name)).toEqual([
      'chat offline-model',
      'agentlightning.reward',
    ]);
    expect(root?.children[0]?.offsetMs).toBeCloseTo(100, 0);
  });

  it('returns null for an unknown rollout', async () => {
    expect(await getRolloutDetail(new FakeAglStore({ dialect }), 'ro-missing')).toBeNull();
  });

  it('throws when the store is down', async () => {
    const store = new FakeAglStore({ dialect });
    store.down = true;
    await expect(getRolloutDetail(store, 'ro-x')).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
