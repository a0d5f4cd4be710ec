import type { AglStore } from '@agl/client';
import { trace } from '@opentelemetry/api';
import { DEFAULT_HEARTBEAT_INTERVAL_MS } from './attempt-heartbeat.ts';
import { RolloutBudget } from './rollout-budget.ts';
import type { RolloutTask } from './rollout-task.ts';
import type { WorkerTracingHandle } from './run-rollout.ts';
import type { WorkerEventListener } from './worker-events.ts';

export interface RolloutWorkerOptions {
  /** A connected store client (`connect(url)` from `@agl/client`). */
  store: AglStore;
  /** Runs the agent on one rollout; see `RolloutTask`. */
  task: RolloutTask;
  /** Recorded on every attempt this worker claims (and its 0.3 worker record). */
  workerId: string;
  /** Runs at the same time. Default 1. */
  concurrency?: number;
  /** Pause between dequeues while the queue is empty. Default 2000 ms. */
  pollIntervalMs?: number;
  /**
   * Attempt heartbeat interval. Default 10 000 ms, shortened per rollout to a third of its
   * `unresponsive_seconds`.
   */
  heartbeatIntervalMs?: number;
  /** Worker heartbeat interval on AGL 0.3 (`POST /v1/agl/workers/{id}`). Default 10 000 ms. */
  workerHeartbeatIntervalMs?: number;
  /**
   * Stop after taking this many rollouts. A `RolloutBudget` is shared: give one to several
   * workers to stop them all after N in total. Default unlimited.
   */
  maxRollouts?: number | RolloutBudget;
  /**
   * After `stop()`, how long runs in progress may take to finish. Then their tasks are aborted
   * and their attempts finished as failed. Default 30 000 ms.
   */
  drainTimeoutMs?: number;
  /**
   * After the drain timeout aborted the runs still in progress, how long their tasks get to wind
   * down before the worker finishes their attempts as failed itself. Default 5000 ms.
   */
  abortGraceMs?: number;
  /**
   * The tracer whose spans reach AGL, and its flush (see `createWorkerTracing`). Default the
   * global tracer and the global provider's forceFlush.
   */
  tracing?: WorkerTracingHandle;
  /** Written as `agent.name` on each run's root span. */
  agentName?: string;
  onEvent?: WorkerEventListener;
}

export interface ResolvedWorkerOptions {
  store: AglStore;
  task: RolloutTask;
  workerId: string;
  concurrency: number;
  pollIntervalMs: number;
  heartbeatIntervalMs: number;
  workerHeartbeatIntervalMs: number;
  budget: RolloutBudget;
  drainTimeoutMs: number;
  abortGraceMs: number;
  tracing: WorkerTracingHandle;
  agentName: string | undefined;
  onEvent: WorkerEventListener;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `RolloutWorker option ${name} must be a positive number, got ${String(value)}`,
    );
  }
  return value;
}

function globalTracing(): WorkerTracingHandle {
  return {
    tracer: trace.getTracer('@agl/worker'),
    flush: async () => {
      const provider = trace.getTracerProvider() as { getDelegate?: () => unknown };
      const delegate = (provider.getDelegate?.() ?? provider) as {
        forceFlush?: () => Promise<void>;
      };
      await delegate.forceFlush?.();
    },
  };
}

/** Fills defaults and rejects bad values with a message naming the option. */
export function resolveWorkerOptions(options: RolloutWorkerOptions): ResolvedWorkerOptions {
  if (!options.store || typeof options.store.dequeueRollout !== 'function') {
    throw new TypeError(
      'RolloutWorker option store must be an AGL store client: await connect(url)',
    );
  }
  if (typeof options.task !== 'function') {
    throw new TypeError('RolloutWorker option task must be a function (context) => reward');
  }
  if (
    typeof options.workerId !== 'string' ||
    options.workerId.trim() === '' ||
    options.workerId.includes('/')
  ) {
    throw new TypeError(
      `RolloutWorker option workerId must be a non-empty string without "/", got ${JSON.stringify(options.workerId)}`,
    );
  }
  const concurrency = positive('concurrency', options.concurrency, 1);
  if (!Number.isInteger(concurrency)) {
    throw new RangeError(
      `RolloutWorker option concurrency must be a whole number, got ${concurrency}`,
    );
  }
  const max = options.maxRollouts;
  let budget: RolloutBudget;
  if (max instanceof RolloutBudget) budget = max;
  else if (max === undefined) budget = new RolloutBudget(Number.MAX_SAFE_INTEGER);
  else {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(
        `RolloutWorker option maxRollouts must be a whole number ≥ 1, got ${String(max)}`,
      );
    }
    budget = new RolloutBudget(max);
  }
  return {
    store: options.store,
    task: options.task,
    workerId: options.workerId,
    concurrency,
    pollIntervalMs: positive('pollIntervalMs', options.pollIntervalMs, 2_000),
    heartbeatIntervalMs: positive(
      'heartbeatIntervalMs',
      options.heartbeatIntervalMs,
      DEFAULT_HEARTBEAT_INTERVAL_MS,
    ),
    workerHeartbeatIntervalMs: positive(
      'workerHeartbeatIntervalMs',
      options.workerHeartbeatIntervalMs,
      10_000,
    ),
    budget,
    drainTimeoutMs: positive('drainTimeoutMs', options.drainTimeoutMs, 30_000),
    abortGraceMs: positive('abortGraceMs', options.abortGraceMs, 5_000),
    tracing: options.tracing ?? globalTracing(),
    agentName: options.agentName,
    onEvent: options.onEvent ?? (() => {}),
  };
}
