import type { AglStore, Rollout, Span } from '@agl/client';

/** The rollouts the exporter created for one trace (newest store state). */
export async function rolloutsOfTrace(store: AglStore, traceId: string): Promise<Rollout[]> {
  const page = await store.queryRollouts();
  return page.items.filter((rollout) => rollout.metadata?.trace_id === traceId);
}

/** Polls until `check` passes or the bound runs out; the last failure is rethrown. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export function spanByName(spans: Span[], prefix: string): Span {
  const span = spans.find((candidate) => candidate.name.startsWith(prefix));
  if (!span)
    throw new Error(`no span named ${prefix}… among ${spans.map((s) => s.name).join(', ')}`);
  return span;
}
