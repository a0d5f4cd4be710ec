import type { AglStore, Rollout, RolloutRequest, Span } from '@agl/client';
import { expect } from 'vitest';

/** Enqueues one rollout per input and returns them in order. */
export async function enqueue(
  store: AglStore,
  inputs: unknown[],
  extra: Omit<RolloutRequest, 'input'> = {},
): Promise<Rollout[]> {
  return store.enqueueRollouts(inputs.map((input) => ({ ...extra, input })));
}

/** Cancels whatever a test left in the queue, so the next test's worker does not take it. */
export async function cancelQueued(store: AglStore): Promise<void> {
  const { items } = await store.queryRollouts({ status: ['queuing', 'requeuing'] });
  for (const rollout of items)
    await store.updateRollout(rollout.rollout_id, { status: 'cancelled' });
}

export { eventually } from '@agl/testkit';

export function spanNamed(spans: Span[], name: string): Span {
  const span = spans.find((s) => s.name === name);
  expect(span, `span ${name} among ${spans.map((s) => s.name).join(', ')}`).toBeDefined();
  return span as Span;
}
