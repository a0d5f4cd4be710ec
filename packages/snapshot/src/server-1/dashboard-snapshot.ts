import type { AglServerClient } from '@agl/client';
import { emptyByStatus } from '../collect-snapshot.ts';
import { type RolloutSummary, type StoreSnapshot, TRAINING_READY_ROLLOUTS } from '../types.ts';
import {
  collectServer1Snapshot,
  type Server1RolloutSummary,
  type Server1Snapshot,
} from './collect-server-1-snapshot.ts';

export interface Server1DashboardOptions {
  /** Newest rollouts listed. Default 20. */
  recent?: number;
  /** At most this many rollouts have their events read. Default 500. */
  maxEventFetches?: number;
  /** Epoch milliseconds clock. */
  now?: () => number;
}

/**
 * An AGL 1.0 server's state in the shape the dashboards draw (`StoreSnapshot`, dialect `1.0`):
 * the latency is that of `GET /healthz`, the rest comes from `collectServer1Snapshot`.
 */
export async function collectServer1Dashboard(
  client: AglServerClient,
  options: Server1DashboardOptions = {},
): Promise<StoreSnapshot> {
  const now = options.now ?? Date.now;
  const started = performance.now();
  await client.health();
  const latencyMs = performance.now() - started;
  const snapshot = await collectServer1Snapshot(client, {
    recent: options.recent ?? 20,
    ...(options.maxEventFetches === undefined ? {} : { maxEventFetches: options.maxEventFetches }),
    now,
  });
  return server1DashboardSnapshot(snapshot, latencyMs, now());
}

/**
 * Pure. AGL 1.0 keeps no spans: `totalSpans` and each rollout's `spanCount` are null, tokens come
 * from the gateway's calls, a rollout counts as rewarded for training when it succeeded with
 * gateway calls and a reward event.
 */
export function server1DashboardSnapshot(
  snapshot: Server1Snapshot,
  latencyMs: number,
  nowMs: number,
): StoreSnapshot {
  const byStatus = emptyByStatus();
  for (const [state, count] of Object.entries(snapshot.byState)) {
    byStatus[state as keyof typeof byStatus] = count;
  }
  return {
    endpoint: snapshot.endpoint,
    dialect: '1.0',
    reachable: true,
    latencyMs,
    takenAt: Date.parse(snapshot.takenAt),
    totalRollouts: snapshot.total,
    totalSpans: null,
    byStatus,
    recent: snapshot.recent.map((rollout) => server1DashboardRollout(rollout, nowMs)),
    rewards: {
      withReward: snapshot.trainingReady,
      target: TRAINING_READY_ROLLOUTS,
      checked: snapshot.examinedFinished,
      finished: snapshot.byState.succeeded + snapshot.byState.failed,
    },
  };
}

/** One AGL 1.0 rollout as the dashboards list it (no spans; tokens from gateway calls). Pure. */
export function server1DashboardRollout(
  rollout: Server1RolloutSummary,
  nowMs: number,
): RolloutSummary {
  const startedAt = rollout.createdAt * 1000;
  const finished = rollout.state === 'succeeded' || rollout.state === 'failed';
  const endedAt = finished ? rollout.updatedAt * 1000 : null;
  const called = rollout.modelCalls > 0;
  return {
    rolloutId: rollout.rolloutId,
    agent: rollout.agent,
    status: rollout.state,
    mode: rollout.isTrain ? 'train' : 'val',
    startedAt,
    endedAt,
    durationMs: Math.max(0, (endedAt ?? nowMs) - startedAt),
    attempts: rollout.state === 'queuing' ? 0 : 1,
    spanCount: null,
    inputTokens: called ? rollout.promptTokens : null,
    outputTokens: called ? rollout.completionTokens : null,
    reward: rollout.reward,
    error: rollout.error,
  };
}
