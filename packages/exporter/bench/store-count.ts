import type { AglStore } from '@agl/client';

/** How many spans the store holds: 0.3 counts them; on 0.2 every rollout's spans are read. */
export async function countStoredSpans(store: AglStore): Promise<number> {
  if (store.capabilities.statistics) {
    const statistics = await store.statistics();
    if (statistics.totalSpans !== null) return statistics.totalSpans;
  }
  const rollouts = (await store.queryRollouts()).items;
  let total = 0;
  for (let i = 0; i < rollouts.length; i += 16) {
    const page = rollouts.slice(i, i + 16);
    const counts = await Promise.all(
      page.map(async (r) => (await store.querySpans(r.rollout_id)).length),
    );
    total += counts.reduce((a, b) => a + b, 0);
  }
  return total;
}
