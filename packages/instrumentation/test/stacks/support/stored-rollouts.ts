import type { AglStore, Rollout, Span } from '@agl/client';
import { eventually } from '@agl/testkit';
import { expect } from 'vitest';

export interface StoredRollout {
  rollout: Rollout;
  spans: Span[];
}

/** Waits until the store holds exactly `count` succeeded rollouts; oldest first, with spans. */
export async function succeededRollouts(store: AglStore, count: number): Promise<StoredRollout[]> {
  const found = await eventually(async () => {
    const items = (await store.queryRollouts()).items;
    expect(items.map((r) => r.status)).toEqual(Array(count).fill('succeeded'));
    return items;
  });
  const ordered = found.sort((a, b) => (a.start_time ?? 0) - (b.start_time ?? 0));
  return Promise.all(
    ordered.map(async (rollout) => ({
      rollout,
      spans: await store.querySpans(rollout.rollout_id),
    })),
  );
}
