import type { AglStore, Rollout, Span } from '@agl/client';

/** The rollouts the exporter created for one trace (newest store state). */
export async function rolloutsOfTrace(store: AglStore, traceId: string): Promise<Rollout[]> {
  const page = await store.queryRollouts();
  return page.items.filter((rollout) => rollout.metadata?.trace_id === traceId);
}

export { eventually } from '@agl/testkit';

export function spanByName(spans: Span[], prefix: string): Span {
  const span = spans.find((candidate) => candidate.name.startsWith(prefix));
  if (!span)
    throw new Error(`no span named ${prefix}… among ${spans.map((s) => s.name).join(', ')}`);
  return span;
}
