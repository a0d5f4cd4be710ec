import type { Attempt, Dialect, Rollout, RolloutStatus, Span } from '@agl/client';

/** AGL's trainers want this many rewarded rollouts before a training run is worthwhile. */
export const TRAINING_READY_ROLLOUTS = 500;

/** One rollout as dashboards show it. */
export interface RolloutSummary {
  rolloutId: string;
  /** From metadata (`agent_name`) or the agent span; null when unknown. */
  agent: string | null;
  status: RolloutStatus;
  mode: Rollout['mode'];
  /** Epoch milliseconds. */
  startedAt: number;
  endedAt: number | null;
  /** Up to now for a running rollout. */
  durationMs: number;
  attempts: number;
  spanCount: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** The primary reward, when a reward span exists. */
  reward: number | null;
  error: string | null;
}

export interface RewardsReadiness {
  /** Finished rollouts with a reward, among those checked. */
  withReward: number;
  target: number;
  /** Finished rollouts whose spans were read so far (checking stops once the target is met). */
  checked: number;
  /** Finished rollouts in the store. */
  finished: number;
}

/** The AGL versions a dashboard reads: an `agl store` (0.2, 0.3) or an `agl-server` (1.0). */
export type SnapshotDialect = Dialect | '1.0';

export interface StoreSnapshot {
  endpoint: string;
  dialect: SnapshotDialect;
  reachable: true;
  latencyMs: number;
  takenAt: number;
  totalRollouts: number;
  totalSpans: number | null;
  byStatus: Record<RolloutStatus, number>;
  /** Newest first. */
  recent: RolloutSummary[];
  rewards: RewardsReadiness;
}

/**
 * Why a store could not be read: nothing listens (`unreachable`), it accepts connections but
 * does not answer in time (`not_answering`), it answered with an error (`error_answer`), or it
 * does not speak the AGL version asked for (`wrong_dialect`).
 */
export type StoreProblem = 'unreachable' | 'not_answering' | 'error_answer' | 'wrong_dialect';

export interface UnreachableSnapshot {
  endpoint: string;
  reachable: false;
  problem: StoreProblem;
  takenAt: number;
  reason: string;
  hint: string;
}

export interface SpanTreeNode {
  span: Span;
  /** Milliseconds from the rollout's first span start. */
  offsetMs: number;
  durationMs: number;
  children: SpanTreeNode[];
}

export interface RolloutDetail {
  rollout: Rollout;
  summary: RolloutSummary;
  attempts: Attempt[];
  tree: SpanTreeNode[];
}

/** A point in the throughput series: finished spans and rollouts seen per interval. */
export interface ThroughputSample {
  at: number;
  spansPerSecond: number;
  rolloutsPerMinute: number;
}
