export { POST_ANALYZER_ID } from './agents/post-analyzer-agent.ts';
export { REPLY_WRITER_ID } from './agents/reply-writer-agent.ts';
export {
  type AnalyzeBatchRequest,
  type AnalyzeRequest,
  analyzeRequestSchema,
} from './analyze-request-schema.ts';
export {
  type AgentRunRef,
  type AnalyzeResponse,
  type AppDependencies,
  type BatchItemResult,
  createApp,
  type ErrorBody,
  type RolloutIdResolver,
} from './app.ts';
export { type CreateMastraOptions, createMastra, type PostAnalyzerMastra } from './mastra.ts';
export { describeModel, type ModelInfo } from './model-info.ts';
export { type OpenedModel, openModel } from './model-provider.ts';
export { createOtelObservability, type OtelObservabilityOptions } from './otel-observability.ts';
export {
  AnalysisError,
  type AnalysisRun,
  type AnalyzeOptions,
  createPostAnalyzer,
  type PostAnalyzer,
} from './post-analyzer.ts';
export { type RunningServer, type StartServerOptions, startServer } from './start-server.ts';
export {
  analyzeThroughGateway,
  type GatewayRun,
} from './worker/post-analyzer-server-task.ts';
