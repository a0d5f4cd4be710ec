import { AglServerClient } from '@agl/client';
import {
  AglServerWorker,
  RolloutBudget,
  type ServerWorkerEvent,
  type ServerWorkerStats,
} from '@agl/worker';
import { createPostAnalyzerServerTask } from './post-analyzer-server-task.ts';

export interface PostServerWorkersOptions {
  endpoint: string;
  /** The server key (AGL_KEY), if it demands one. */
  key: string | undefined;
  workerIds: string[];
  concurrency: number;
  pollIntervalMs: number;
  maxRollouts: number | undefined;
  drainTimeoutMs: number;
  onEvent?: (event: ServerWorkerEvent) => void;
}

export interface RunningPostServerWorkers {
  workers: AglServerWorker[];
  stop(): Promise<void>;
  done: Promise<ServerWorkerStats[]>;
}

/**
 * Runs Post Analyzer worker loops against an AGL 1.x agl-server: each claims queued rollouts and
 * runs the agent with the rollout's gateway as its model (which AGL records), then posts the
 * reward and the final state. Throws when the server does not answer.
 */
export async function startPostServerWorkers(
  options: PostServerWorkersOptions,
): Promise<RunningPostServerWorkers> {
  const client = new AglServerClient(options.endpoint, options.key ? { key: options.key } : {});
  await client.health();
  const task = createPostAnalyzerServerTask();
  const budget = new RolloutBudget(options.maxRollouts ?? Number.MAX_SAFE_INTEGER);
  const workers = options.workerIds.map(
    (workerId) =>
      new AglServerWorker({
        client,
        task,
        workerId,
        ...(options.key ? { apiKey: options.key } : {}),
        concurrency: options.concurrency,
        pollIntervalMs: options.pollIntervalMs,
        maxRollouts: budget,
        drainTimeoutMs: options.drainTimeoutMs,
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      }),
  );
  return {
    workers,
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
    done: Promise.all(workers.map((worker) => worker.run())),
  };
}
