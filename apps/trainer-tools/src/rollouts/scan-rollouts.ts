import type { AglStore, Rollout, RolloutStatus } from '@agl/client';

export interface RolloutPage {
  rollouts: Rollout[];
  /** Rollouts the whole scan will see (as the store counted them at the start). */
  total: number;
}

export interface ScanOptions {
  statuses?: RolloutStatus[] | null;
  ids?: string[] | null;
  /** Rollouts per page on AGL 0.3 (default 200). */
  pageSize?: number;
}

/**
 * The store's rollouts, oldest first, a page at a time, so a large store is never held in
 * memory at once. AGL 0.3 pages on the server; AGL 0.2 has no paging, so its rollout list is
 * read once (rollouts only, no spans) and handed out in pages. Status and id filters go to the
 * store; a rollout is never handed out twice, even if new ones shift the pages.
 */
export async function* scanRollouts(
  store: AglStore,
  options: ScanOptions = {},
): AsyncGenerator<RolloutPage> {
  const pageSize = options.pageSize ?? 200;
  const query = {
    ...(options.statuses ? { status: options.statuses } : {}),
    ...(options.ids ? { rolloutIds: options.ids } : {}),
  };
  if (!store.capabilities.serverPaging) {
    const { items } = await store.queryRollouts(query);
    const sorted = [...items].sort((a, b) => a.start_time - b.start_time);
    for (let offset = 0; offset < sorted.length; offset += pageSize) {
      yield { rollouts: sorted.slice(offset, offset + pageSize), total: sorted.length };
    }
    return;
  }
  const seen = new Set<string>();
  let total: number | null = null;
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.queryRollouts({
      ...query,
      limit: pageSize,
      offset,
      sortBy: 'start_time',
      sortOrder: 'asc',
    });
    total ??= page.total;
    const fresh = page.items.filter((rollout) => !seen.has(rollout.rollout_id));
    for (const rollout of fresh) seen.add(rollout.rollout_id);
    if (fresh.length > 0) yield { rollouts: fresh, total };
    if (page.items.length < pageSize) return;
  }
}
