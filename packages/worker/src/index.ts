export {
  AttemptHeartbeat,
  type AttemptHeartbeatOptions,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  estimateClockOffsetMs,
  heartbeatIntervalMs,
} from './attempt-heartbeat.ts';
export {
  type AttemptIds,
  findLlmResource,
  llmBaseUrl,
  type ResolvedLlm,
  resolveLlm,
} from './llm-resource.ts';
export { loadResources } from './load-resources.ts';
export { findPromptTemplate, formatFString, renderPromptTemplate } from './prompt-template.ts';
export { buildRewardSpan, REWARD_SPAN_NAME, type RewardSpanInput } from './reward-span.ts';
export { RolloutBudget } from './rollout-budget.ts';
export type { RolloutContext, RolloutTask } from './rollout-task.ts';
export { RolloutWorker } from './rollout-worker.ts';
export { ROOT_SPAN_NAME, type RunOutcome, type WorkerTracingHandle } from './run-rollout.ts';
export { type StopOnSignalsOptions, stopOnSignals } from './stop-on-signals.ts';
export { chunksToEventStream, completionToChunks } from './v1/completion-to-sse.ts';
export { nonStreamingFetch } from './v1/non-streaming-fetch.ts';
export { AglServerWorker } from './v1/server-worker.ts';
export type {
  ServerRolloutContext,
  ServerRolloutTask,
  ServerWorkerEvent,
  ServerWorkerOptions,
  ServerWorkerStats,
} from './v1/server-worker-types.ts';
export type {
  RunFinishedEvent,
  WorkerEvent,
  WorkerEventListener,
  WorkerStats,
  WorkerWarningEvent,
} from './worker-events.ts';
export type { RolloutWorkerOptions } from './worker-options.ts';
export {
  createWorkerTracing,
  type WorkerTracing,
  type WorkerTracingOptions,
} from './worker-tracing.ts';
