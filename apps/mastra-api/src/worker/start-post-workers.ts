import { type AglStore, connect, type Dialect } from '@agl/client';
import { type Env, readModelConfig } from '@agl/post-analyzer';
import {
  createWorkerTracing,
  RolloutBudget,
  RolloutWorker,
  type WorkerEvent,
  type WorkerStats,
} from '@agl/worker';
import type { MastraModelConfig } from '@mastra/core/llm';
import { describeModel } from '../model-info.ts';
import { type OpenedModel, openModel, type StartOfflineModel } from '../model-provider.ts';
import { createPostAnalyzerTask } from './post-analyzer-task.ts';

export interface PostWorkersOptions {
  endpoint: string;
  /** One worker loop per id. */
  workerIds: string[];
  concurrency: number;
  pollIntervalMs: number;
  /** In total over every loop; undefined = until stopped. */
  maxRollouts: number | undefined;
  drainTimeoutMs: number;
  heartbeatIntervalMs: number;
  llmResource?: string | undefined;
  promptResource?: string | undefined;
  /** Where the `AGL_LLM_*` settings of the fallback model come from. Default `process.env`. */
  env?: Env;
  log?: (line: string) => void;
  onEvent?: (event: WorkerEvent) => void;
  startOfflineModel?: StartOfflineModel;
}

export interface RunningPostWorkers {
  workers: RolloutWorker[];
  dialect: Dialect;
  /** Drains every loop (see `RolloutWorker.stop`). */
  stop(): Promise<void>;
  /** Every loop stopped, spans delivered, connections and the fallback model closed. */
  done: Promise<WorkerStats[]>;
}

/**
 * Runs Post Analyzer worker loops in this process against one AGL store, sharing one store
 * client, one span pipeline and (when a rollout's resources publish no LLM) one fallback model.
 * The model configuration is checked up front (`ConfigError`); an unreachable store throws.
 */
export async function startPostWorkers(options: PostWorkersOptions): Promise<RunningPostWorkers> {
  const log = options.log ?? console.log;
  const modelConfig = readModelConfig(options.env ?? process.env);
  const store: AglStore = await connect(options.endpoint);
  log(`Worker connected to AGL ${store.dialect} at ${store.baseUrl}`);
  const tracing = createWorkerTracing({ store, serviceName: 'mastra-api-worker' });

  let fallback: Promise<OpenedModel> | undefined;
  const fallbackModel = async (): Promise<MastraModelConfig> => {
    fallback ??= openModel(modelConfig, options.startOfflineModel).then((opened) => {
      log(
        `No LLM resource published in AGL for this rollout: using the configured model. ${describeModel(
          opened.info,
          modelConfig.offline ? modelConfig.reason : undefined,
        )}`,
      );
      return opened;
    });
    try {
      return (await fallback).model;
    } catch (error) {
      fallback = undefined;
      throw error;
    }
  };

  const task = createPostAnalyzerTask({
    tracerProvider: tracing.tracerProvider,
    tracer: tracing.tracer,
    fallbackModel,
    ...(options.llmResource === undefined ? {} : { llmResource: options.llmResource }),
    ...(options.promptResource === undefined ? {} : { promptResource: options.promptResource }),
  });
  const budget = new RolloutBudget(options.maxRollouts ?? Number.MAX_SAFE_INTEGER);
  const workers = options.workerIds.map(
    (workerId) =>
      new RolloutWorker({
        store,
        task,
        workerId,
        tracing,
        concurrency: options.concurrency,
        pollIntervalMs: options.pollIntervalMs,
        heartbeatIntervalMs: options.heartbeatIntervalMs,
        drainTimeoutMs: options.drainTimeoutMs,
        maxRollouts: budget,
        agentName: 'postAnalyzer',
        ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
      }),
  );

  const done = Promise.all(workers.map((worker) => worker.run())).finally(async () => {
    await tracing.shutdown().catch(() => {});
    if (fallback) await fallback.then((opened) => opened.close()).catch(() => {});
    await store.close().catch(() => {});
  });
  return {
    workers,
    dialect: store.dialect,
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
    done,
  };
}
