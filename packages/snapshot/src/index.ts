export { agentFromMetadata, agentFromSpans } from './agent-name.ts';
export { pollDelay } from './backoff.ts';
export {
  type CollectSnapshotOptions,
  collectSnapshot,
  emptyByStatus,
} from './collect-snapshot.ts';
export { DASHBOARD_CONNECT_OPTIONS, DASHBOARD_TIMEOUT_MS } from './dashboard-connect.ts';
export {
  type DescribeUnreachableOptions,
  describeUnreachable,
  ERROR_ANSWER_HINT,
  NOT_ANSWERING_HINT,
  START_AGL_HINT,
  storeProblem,
  WRONG_DIALECT_HINT,
} from './describe-unreachable.ts';
export { displayEndpoint } from './display-endpoint.ts';
export {
  type LoadSummariesOptions,
  loadSummaries,
  loadSummary,
} from './load-summaries.ts';
export { printableText } from './printable-text.ts';
export { getRolloutDetail, type RolloutDetailOptions } from './rollout-detail.ts';
export {
  type ReachableEvent,
  type RolloutChange,
  RolloutWatcher,
  type RolloutWatcherEvents,
  type RolloutWatcherOptions,
} from './rollout-watcher.ts';
export {
  type CollectServer1SnapshotOptions,
  collectServer1Snapshot,
  type Server1RolloutSummary,
  type Server1Snapshot,
  summarizeServer1Rollout,
} from './server-1/collect-server-1-snapshot.ts';
export {
  collectServer1Dashboard,
  type Server1DashboardOptions,
  server1DashboardRollout,
  server1DashboardSnapshot,
} from './server-1/dashboard-snapshot.ts';
export { formatServer1Snapshot } from './server-1/format-server-1-snapshot.ts';
export { server1RolloutView } from './server-1/rollout-view.ts';
export { getServer1RolloutDetail } from './server-1/server-1-rollout-detail.ts';
export { type Server1EventFacts, summarizeEvents } from './server-1/summarize-events.ts';
export { type Server1TrainingRecord, trainingRecord } from './server-1/training-records.ts';
export { buildSpanTree } from './span-tree.ts';
export { StoreConnection } from './store-connection.ts';
export {
  describeError,
  errorKind,
  errorStatus,
  isRecordError,
  isUnreachableError,
} from './store-errors.ts';
export {
  type AttemptFacts,
  attemptFacts,
  composeSummary,
  type SpanFacts,
  type SummarizeOptions,
  spanFacts,
  summarizeRollout,
} from './summarize-rollout.ts';
export {
  isFinished,
  rolloutVersion,
  SummaryCache,
  type SummaryCacheOptions,
} from './summary-cache.ts';
export { ThroughputSeries } from './throughput.ts';
export {
  type RewardsReadiness,
  type RolloutDetail,
  type RolloutSummary,
  type SnapshotDialect,
  type SpanTreeNode,
  type StoreProblem,
  type StoreSnapshot,
  type ThroughputSample,
  TRAINING_READY_ROLLOUTS,
  type UnreachableSnapshot,
} from './types.ts';
