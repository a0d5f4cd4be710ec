import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Rollout1 } from '@agl/client';
import { RolloutBudget } from '../rollout-budget.ts';
import { errorMessage } from '../worker-events.ts';
import type {
  ServerWorkerEvent,
  ServerWorkerOptions,
  ServerWorkerStats,
} from './server-worker-types.ts';

const MAX_BACKOFF_MS = 30_000;

/**
 * The worker pattern on AGL 1.x (`agl-server`): finds queued rollouts, claims each one
 * (queuing → running; a 409 means someone else has it), runs the task with the rollout's gateway
 * URL as its model base URL, posts the reward event and sets the final state. A rollout is only
 * marked `succeeded` when its reward (if any) was stored; anything else marks it `failed` with the
 * reason. An unreachable server never stops the worker: it waits and tries again.
 */
export class AglServerWorker {
  readonly workerId: string;
  readonly stats: ServerWorkerStats = {
    claimed: 0,
    lostClaims: 0,
    succeeded: 0,
    failed: 0,
    rewards: 0,
  };
  readonly #options: ServerWorkerOptions;
  readonly #budget: RolloutBudget;
  readonly #concurrency: number;
  readonly #active = new Set<Promise<void>>();
  readonly #abort = new AbortController();
  readonly #stopSignal = new AbortController();

  constructor(options: ServerWorkerOptions) {
    if (!options.workerId) throw new TypeError('AglServerWorker needs a workerId');
    this.#options = options;
    this.workerId = options.workerId;
    this.#concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
    const max = options.maxRollouts;
    this.#budget =
      max instanceof RolloutBudget ? max : new RolloutBudget(max ?? Number.MAX_SAFE_INTEGER);
  }

  /** Runs until stopped or the budget is used up; resolves with the stats once every run ended. */
  async run(): Promise<ServerWorkerStats> {
    let backoffMs = this.#options.pollIntervalMs ?? 1_000;
    while (!this.#stopSignal.signal.aborted && !this.#budget.exhausted) {
      if (this.#active.size >= this.#concurrency) {
        await Promise.race(this.#active);
        continue;
      }
      let queued: Rollout1[];
      try {
        queued = await this.#options.client.listRollouts(['queuing'], this.#concurrency * 4);
        backoffMs = this.#options.pollIntervalMs ?? 1_000;
      } catch (error) {
        this.#emit({
          type: 'warning',
          workerId: this.workerId,
          message: `listing queued rollouts failed: ${errorMessage(error)}`,
        });
        await this.#pause(backoffMs);
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        continue;
      }
      const started = await this.#claimSome(queued);
      if (started === 0) await this.#pause(this.#options.pollIntervalMs ?? 1_000);
    }
    await Promise.all(this.#active);
    this.#emit({ type: 'stopped', workerId: this.workerId, stats: { ...this.stats } });
    return { ...this.stats };
  }

  /** Takes no new rollouts; runs in progress get `drainTimeoutMs`, then their signal aborts. */
  async stop(): Promise<void> {
    this.#stopSignal.abort();
    const timer = setTimeout(() => this.#abort.abort(), this.#options.drainTimeoutMs ?? 30_000);
    timer.unref();
    await Promise.all(this.#active);
    clearTimeout(timer);
  }

  async #claimSome(queued: Rollout1[]): Promise<number> {
    let started = 0;
    for (const rollout of queued) {
      if (this.#active.size >= this.#concurrency || this.#stopSignal.signal.aborted) break;
      if (!this.#budget.tryTake()) break;
      const attemptId = `${this.workerId}-${randomUUID().slice(0, 8)}`;
      let claimed: Rollout1 | null;
      try {
        claimed = await this.#options.client.claimRollout(rollout.rollout_id, attemptId);
      } catch (error) {
        this.#budget.giveBack();
        this.#emit({
          type: 'warning',
          workerId: this.workerId,
          rolloutId: rollout.rollout_id,
          message: `claiming failed: ${errorMessage(error)}`,
        });
        continue;
      }
      if (!claimed) {
        this.#budget.giveBack();
        this.stats.lostClaims += 1;
        continue;
      }
      this.stats.claimed += 1;
      started += 1;
      const run = this.#runOne(claimed, attemptId).finally(() => this.#active.delete(run));
      this.#active.add(run);
    }
    return started;
  }

  async #runOne(rollout: Rollout1, attemptId: string): Promise<void> {
    const { client, task } = this.#options;
    const mode = rollout.is_train ? 'train' : 'val';
    const startedAt = Date.now();
    this.#emit({
      type: 'claimed',
      workerId: this.workerId,
      rolloutId: rollout.rollout_id,
      attemptId,
      mode,
    });
    let reward: number | null = null;
    let failure: string | null = null;
    try {
      const value = await task({
        rollout,
        attemptId,
        mode,
        gatewayBaseUrl: client.gatewayBaseUrl(rollout.rollout_id, attemptId, mode),
        apiKey: this.#options.apiKey,
        workerId: this.workerId,
        signal: this.#abort.signal,
      });
      if (typeof value === 'number' && !Number.isFinite(value)) {
        failure = `the task returned a reward that is not a finite number (${value})`;
      } else if (typeof value === 'number') {
        await client.postReward(rollout.rollout_id, attemptId, value, { source: 'agent' });
        this.stats.rewards += 1;
        reward = value;
      }
    } catch (error) {
      failure = errorMessage(error);
    }
    const status = failure === null ? 'succeeded' : 'failed';
    try {
      await client.finishRollout(rollout.rollout_id, status, failure ?? undefined);
    } catch (error) {
      this.#emit({
        type: 'warning',
        workerId: this.workerId,
        rolloutId: rollout.rollout_id,
        message: `could not set the final state ${status}: ${errorMessage(error)}`,
      });
    }
    this.stats[status] += 1;
    this.#emit({
      type: 'finished',
      workerId: this.workerId,
      rolloutId: rollout.rollout_id,
      attemptId,
      status,
      reward,
      error: failure,
      durationMs: Date.now() - startedAt,
    });
  }

  async #pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.#stopSignal.signal }).catch(() => {});
  }

  #emit(event: ServerWorkerEvent): void {
    try {
      this.#options.onEvent?.(event);
    } catch {
      // a broken listener must not stop the worker
    }
  }
}
