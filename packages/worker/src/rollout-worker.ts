import type { AttemptedRollout } from '@agl/client';
import {
  AttemptHeartbeat,
  estimateClockOffsetMs,
  heartbeatIntervalMs,
} from './attempt-heartbeat.ts';
import { type RunOutcome, runRollout } from './run-rollout.ts';
import { WakeSignal } from './wake-signal.ts';
import { errorMessage, type WorkerEvent, type WorkerStats } from './worker-events.ts';
import {
  type ResolvedWorkerOptions,
  type RolloutWorkerOptions,
  resolveWorkerOptions,
} from './worker-options.ts';

/** Longest pause between dequeues while the store keeps failing. */
const MAX_ERROR_BACKOFF_MS = 30_000;

interface ActiveRun {
  rolloutId: string;
  abort: AbortController;
  done: Promise<void>;
  finish: (outcome: Omit<RunOutcome, 'reported'>) => Promise<boolean>;
}

/**
 * The worker side of AGL's queue pattern: dequeues rollouts (claiming each attempt with its
 * worker id), runs the task on each, up to `concurrency` at a time, and finishes every attempt
 * as succeeded or failed. A failing run, or a store that is briefly unreachable, never stops it.
 *
 *   const worker = new RolloutWorker({ store, task, workerId: 'worker-1', concurrency: 4 });
 *   process.once('SIGTERM', () => void worker.stop());
 *   const stats = await worker.run();
 */
export class RolloutWorker {
  readonly #options: ResolvedWorkerOptions;
  readonly #active = new Map<string, ActiveRun>();
  readonly #wake = new WakeSignal();
  readonly #stats: WorkerStats = { dequeued: 0, succeeded: 0, failed: 0, active: 0, rewards: 0 };
  #running: Promise<WorkerStats> | undefined;
  #stopping = false;
  #stopRequested: () => void = () => {};
  readonly #stopped: Promise<void>;
  #workerBeat: NodeJS.Timeout | undefined;

  constructor(options: RolloutWorkerOptions) {
    this.#options = resolveWorkerOptions(options);
    this.#stopped = new Promise((resolve) => {
      this.#stopRequested = resolve;
    });
  }

  get workerId(): string {
    return this.#options.workerId;
  }

  get stats(): WorkerStats {
    return { ...this.#stats, active: this.#active.size };
  }

  /** Whether `stop()` was called. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /**
   * Works until `stop()` is called (then drains) or the rollout budget is used up (then waits for
   * the runs in progress). Calling it again returns the same promise.
   */
  run(): Promise<WorkerStats> {
    this.#running ??= this.#work();
    return this.#running;
  }

  /**
   * Stops taking rollouts and lets the runs in progress finish, for up to `drainTimeoutMs`; then
   * aborts them and finishes their attempts as failed. Resolves when the worker has stopped.
   */
  stop(): Promise<WorkerStats> {
    if (!this.#stopping) {
      this.#stopping = true;
      this.#stopRequested();
      this.#wake.wake();
    }
    return this.#running ?? Promise.resolve(this.stats);
  }

  async #work(): Promise<WorkerStats> {
    const { concurrency, workerId, budget, pollIntervalMs } = this.#options;
    this.#emit({ type: 'started', workerId, concurrency });
    this.#startWorkerHeartbeat();
    let failures = 0;
    while (!this.#stopping) {
      if (this.#active.size >= concurrency) {
        await this.#wake.sleep(pollIntervalMs);
        continue;
      }
      if (!budget.tryTake()) break;
      let rollout: AttemptedRollout | null;
      const sentAt = Date.now();
      try {
        rollout = await this.#options.store.dequeueRollout({ workerId });
        failures = 0;
      } catch (error) {
        budget.giveBack();
        failures += 1;
        const delay = Math.min(MAX_ERROR_BACKOFF_MS, pollIntervalMs * 2 ** (failures - 1));
        this.#warn(`dequeue failed (retrying in ${Math.round(delay)} ms): ${errorMessage(error)}`);
        await this.#wake.sleep(delay);
        continue;
      }
      if (rollout === null) {
        budget.giveBack();
        await this.#wake.sleep(pollIntervalMs);
        continue;
      }
      // Claimed: it runs even if stop() came meanwhile, or it would wait for AGL's watchdog.
      this.#start(rollout, estimateClockOffsetMs(sentAt, Date.now(), rollout.attempt.start_time));
    }
    await this.#drain();
    if (this.#workerBeat) clearInterval(this.#workerBeat);
    const stats = this.stats;
    this.#emit({ type: 'stopped', workerId, stats });
    return stats;
  }

  #start(rollout: AttemptedRollout, clockOffsetMs: number): void {
    const { store, workerId } = this.#options;
    const rolloutId = rollout.rollout_id;
    const attemptId = rollout.attempt.attempt_id;
    this.#stats.dequeued += 1;
    this.#emit({
      type: 'dequeued',
      workerId,
      rolloutId,
      attemptId,
      attemptNumber: rollout.attempt.sequence_id,
      mode: rollout.mode,
    });
    const startedAt = performance.now();
    const abort = new AbortController();
    const heartbeat = new AttemptHeartbeat({
      store,
      rolloutId,
      attemptId,
      intervalMs: heartbeatIntervalMs(rollout.config, this.#options.heartbeatIntervalMs),
      clockOffsetMs,
      onError: (error) => this.#warn(`heartbeat failed: ${errorMessage(error)}`, rolloutId),
    });
    heartbeat.start();
    let finishing: Promise<boolean> | undefined;
    const finish = (outcome: Omit<RunOutcome, 'reported'>): Promise<boolean> => {
      finishing ??= (async () => {
        // No beat may land after the final status (AGL 0.2 re-derives the rollout from it).
        await heartbeat.stop();
        if (outcome.status === 'succeeded') this.#stats.succeeded += 1;
        else this.#stats.failed += 1;
        if (outcome.reward !== null) this.#stats.rewards += 1;
        this.#emit({
          type: 'finished',
          workerId,
          rolloutId,
          attemptId,
          status: outcome.status,
          reward: outcome.reward,
          error: outcome.error,
          durationMs: Math.round(performance.now() - startedAt),
        });
        try {
          await store.updateAttempt(rolloutId, attemptId, {
            status: outcome.status,
            ...(outcome.error === null
              ? {}
              : { metadata: { error: outcome.error, worker_id: workerId } }),
          });
          return true;
        } catch (error) {
          this.#warn(
            `could not finish the attempt as ${outcome.status}: ${errorMessage(error)}`,
            rolloutId,
          );
          return false;
        }
      })();
      return finishing;
    };
    const done = runRollout(
      rollout,
      {
        store,
        task: this.#options.task,
        workerId,
        tracing: this.#options.tracing,
        signal: abort.signal,
        finished: () => finishing !== undefined,
        agentName: this.#options.agentName,
        warn: (message) => this.#warn(message, rolloutId),
      },
      finish,
    )
      .catch((error: unknown) => {
        // runRollout does not throw; this is the last line of defence for the worker.
        this.#warn(`run failed unexpectedly: ${errorMessage(error)}`, rolloutId);
        return finish({ status: 'failed', reward: null, error: errorMessage(error) });
      })
      .then(() => {
        this.#active.delete(attemptId);
        this.#wake.wake();
      });
    this.#active.set(attemptId, { rolloutId, abort, done, finish });
  }

  /** Waits for the runs in progress: without a deadline, unless stop() was (or gets) called. */
  async #drain(): Promise<void> {
    const all = () => Promise.all([...this.#active.values()].map((run) => run.done));
    if (this.#active.size === 0) return;
    if (!this.#stopping) await Promise.race([all(), this.#stopped]);
    if (this.#active.size === 0) return;

    const { drainTimeoutMs, workerId } = this.#options;
    this.#emit({
      type: 'draining',
      workerId,
      active: this.#active.size,
      timeoutMs: drainTimeoutMs,
    });
    await raceWithTimeout(all(), drainTimeoutMs);
    if (this.#active.size === 0) return;

    const reason = `the worker stopped; the run did not finish within the ${drainTimeoutMs} ms drain timeout`;
    for (const run of this.#active.values()) run.abort.abort(new Error(reason));
    await raceWithTimeout(all(), this.#options.abortGraceMs);
    // Tasks that ignore the abort signal: their attempts are finished here, their results dropped.
    await Promise.all(
      [...this.#active.values()].map((run) =>
        run.finish({ status: 'failed', reward: null, error: reason }),
      ),
    );
  }

  #startWorkerHeartbeat(): void {
    const { store, workerId, workerHeartbeatIntervalMs, concurrency } = this.#options;
    if (!store.capabilities.workers) return;
    let inFlight = false;
    const beat = () => {
      if (inFlight) return;
      inFlight = true;
      const { dequeued, succeeded, failed, active } = this.stats;
      store
        .updateWorker(workerId, { concurrency, active, dequeued, succeeded, failed })
        .catch((error: unknown) => this.#warn(`worker heartbeat failed: ${errorMessage(error)}`))
        .finally(() => {
          inFlight = false;
        });
    };
    beat();
    this.#workerBeat = setInterval(beat, workerHeartbeatIntervalMs);
    this.#workerBeat.unref();
  }

  #warn(message: string, rolloutId?: string): void {
    this.#emit({
      type: 'warning',
      workerId: this.#options.workerId,
      message,
      ...(rolloutId === undefined ? {} : { rolloutId }),
    });
  }

  #emit(event: WorkerEvent): void {
    try {
      this.#options.onEvent(event);
    } catch {
      // A listener's bug must not stop the worker.
    }
  }
}

/** Waits for `promise` or `ms`, whichever comes first, leaving no timer behind. */
async function raceWithTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
