import type { RolloutDetail, StoreProblem, StoreSnapshot, ThroughputSample } from '@agl/snapshot';

/** Why the store cannot be read right now, and when the next try is. */
export interface Outage {
  /** What kind of failure; absent means nothing answers. */
  problem?: StoreProblem;
  reason: string;
  hint: string;
  /** Epoch ms of the first failed poll in a row. */
  since: number;
  /** Failed polls in a row, when known. */
  failures: number | null;
  /** Epoch ms of the next poll, when known. */
  nextRetryAt: number | null;
}

/** Everything the monitor draws, as one immutable value per change. */
export interface MonitorState {
  endpoint: string;
  /** The latest good snapshot; kept (and shown as stale) while the store is unreachable. */
  snapshot: StoreSnapshot | null;
  /** Set while the store is unreachable. */
  outage: Outage | null;
  /** Oldest first. */
  throughput: readonly ThroughputSample[];
  paused: boolean;
}

/** The monitor's data source: a live store, or hand-made states in tests. */
export interface MonitorFeed {
  getState(): MonitorState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Stops polling (and keeps the last state) until resumed. */
  setPaused(paused: boolean): void;
  /** Attempts and span tree of one rollout; null when the store no longer has it. */
  loadDetail(rolloutId: string): Promise<RolloutDetail | null>;
  close(): Promise<void>;
}
