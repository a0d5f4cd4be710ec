import type { AglServerClient, GatewayMode, Rollout1 } from '@agl/client';
import type { RolloutBudget } from '../rollout-budget.ts';
import type { RunFinishedEvent, WorkerWarningEvent } from '../worker-events.ts';

/** Everything a task gets to run one AGL 1.0 rollout. */
export interface ServerRolloutContext {
  /** The claimed rollout (`input`, `is_train`, `metadata`, `config`). */
  rollout: Rollout1;
  /** The attempt id this worker claimed it for (events are recorded under it). */
  attemptId: string;
  /** `train` for training rollouts, `val` otherwise. */
  mode: GatewayMode;
  /**
   * The OpenAI base URL of AGL's gateway for this attempt: give it to the agent's model client
   * (non-streaming; wrap its fetch with `nonStreamingFetch` if the SDK streams). Every call made
   * through it is recorded in the rollout, with token ids.
   */
  gatewayBaseUrl: string;
  /** The key the gateway demands (AGL_KEY), if any: send it as the API key. */
  apiKey: string | undefined;
  workerId: string;
  /** Aborted when the worker stops before the run ends. */
  signal: AbortSignal;
}

/** Runs the agent; a finite number becomes the rollout's `reward` event, null/undefined none. */
export type ServerRolloutTask = (
  context: ServerRolloutContext,
) => Promise<number | null | undefined>;

export interface ServerWorkerOptions {
  client: AglServerClient;
  task: ServerRolloutTask;
  workerId: string;
  /** The key to hand to the task for the gateway. */
  apiKey?: string;
  /** Runs at the same time. Default 1. */
  concurrency?: number;
  /** Pause while nothing is queued. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Stop after this many rollouts (a number, or a budget shared by several workers). */
  maxRollouts?: number | RolloutBudget;
  /** After `stop()`, how long runs in progress may take before they are aborted. Default 30 s. */
  drainTimeoutMs?: number;
  onEvent?: (event: ServerWorkerEvent) => void;
}

export interface ServerWorkerStats {
  claimed: number;
  /** Queued rollouts someone else claimed first. */
  lostClaims: number;
  succeeded: number;
  failed: number;
  rewards: number;
}

export type ServerWorkerEvent =
  | { type: 'claimed'; workerId: string; rolloutId: string; attemptId: string; mode: GatewayMode }
  | RunFinishedEvent
  | WorkerWarningEvent
  | { type: 'stopped'; workerId: string; stats: ServerWorkerStats };
