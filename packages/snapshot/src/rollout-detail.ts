import type { AglStore, Span } from '@agl/client';
import { buildSpanTree } from './span-tree.ts';
import { isRecordError } from './store-errors.ts';
import { summarizeRollout } from './summarize-rollout.ts';
import type { RolloutDetail } from './types.ts';

export interface RolloutDetailOptions {
  /** Epoch milliseconds for the duration of a running rollout; defaults to `Date.now()`. */
  now?: number;
}

/**
 * One rollout with every attempt and its span tree; null when the store does not know the id.
 * Spans the store no longer has (evicted by AGL 0.2) leave an empty tree and null span fields.
 */
export async function getRolloutDetail(
  store: AglStore,
  rolloutId: string,
  options: RolloutDetailOptions = {},
): Promise<RolloutDetail | null> {
  let rollout: Awaited<ReturnType<AglStore['getRollout']>>;
  try {
    rollout = await store.getRollout(rolloutId);
  } catch (error) {
    if (isRecordError(error)) return null;
    throw error;
  }
  if (rollout === null) return null;
  const [attempts, spans] = await Promise.all([
    store.queryAttempts(rolloutId),
    store.querySpans(rolloutId).catch((error: unknown): Span[] | null => {
      if (isRecordError(error)) return null;
      throw error;
    }),
  ]);
  return {
    rollout,
    summary: summarizeRollout(rollout, spans, { attempts, now: options.now ?? Date.now() }),
    attempts,
    tree: spans ? buildSpanTree(spans) : [],
  };
}
