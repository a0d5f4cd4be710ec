export { JsonlFile } from './analyze/jsonl-file.ts';
export { renderStoreReport } from './analyze/render-report.ts';
export { type AnalyzeOptions, runAnalyze } from './analyze/run-analyze.ts';
export { type StoreReport, StoreReportBuilder } from './analyze/store-report.ts';
export type { EvalReport, RolloutOutcome } from './eval/eval-report.ts';
export { renderEvalReport } from './eval/render-eval-report.ts';
export { type EvalOptions, REWARD_SOURCE, runEval } from './eval/run-eval.ts';
export {
  runEvalServer1,
  SERVER_1_FINISHED_STATES,
  type Server1EvalOptions,
} from './eval/run-eval-server-1.ts';
export { gatewayAnswer, server1EvaluationContext } from './eval/server-1-context.ts';
export {
  type ChatCompletionsJudgeOptions,
  createChatCompletionsJudge,
} from './judge/chat-completions-judge.ts';
export { type OpenedJudgeModel, openJudgeModel } from './judge/open-judge-model.ts';
export {
  DEFAULT_EVALUATORS,
  EVALUATOR_NAMES,
  postAnalyzerEvaluators,
} from './post-analyzer/evaluators.ts';
export {
  ProgressBar,
  type ProgressBarOptions,
  type ProgressOutput,
} from './progress/progress-bar.ts';
export { NO_FILTER, type RolloutFilter } from './rollouts/rollout-filter.ts';
export { type RolloutPage, scanRollouts } from './rollouts/scan-rollouts.ts';
export type { AdapterVersion } from './training-data/reward-value.ts';
export {
  type ChatMessage,
  MessageShapeError,
  type OpenAiMessages,
  spanMessages,
  type ToolDefinition,
  traceToMessages,
} from './training-data/trace-to-messages.ts';
export { type LlmCall, type Triplet, traceToTriplets } from './training-data/trace-to-triplets.ts';
export { type TrainingRecord, trainingRecords } from './training-data/training-records.ts';
