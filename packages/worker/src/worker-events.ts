import type { RolloutMode } from '@agl/client';

export interface WorkerStats {
  /** Rollouts this worker dequeued (each one attempt). */
  dequeued: number;
  succeeded: number;
  failed: number;
  /** Runs in progress. */
  active: number;
  /** Reward spans stored. */
  rewards: number;
}

/** One rollout run to its end, on any AGL version. */
export interface RunFinishedEvent {
  type: 'finished';
  workerId: string;
  rolloutId: string;
  attemptId: string;
  status: 'succeeded' | 'failed';
  reward: number | null;
  error: string | null;
  durationMs: number;
}

/** Something went wrong that the worker survives (the store is unreachable, a beat failed). */
export interface WorkerWarningEvent {
  type: 'warning';
  workerId: string;
  message: string;
  rolloutId?: string;
}

/** What a worker reports while it runs; `onEvent` receives each one. */
export type WorkerEvent =
  | { type: 'started'; workerId: string; concurrency: number }
  | {
      type: 'dequeued';
      workerId: string;
      rolloutId: string;
      attemptId: string;
      /** 1 for the first attempt, 2 for the first retry, … */
      attemptNumber: number;
      mode: RolloutMode | null;
    }
  | RunFinishedEvent
  | WorkerWarningEvent
  | { type: 'draining'; workerId: string; active: number; timeoutMs: number }
  | { type: 'stopped'; workerId: string; stats: WorkerStats };

export type WorkerEventListener = (event: WorkerEvent) => void;

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
