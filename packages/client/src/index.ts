export {
  type ConnectOptions,
  connect,
  createAglStore,
  type DialectDetection,
  detectDialect,
} from './connect.ts';
export { AGL_ERROR_KINDS, AglError, type AglErrorKind, isAglError } from './errors.ts';
export {
  type Components02,
  type Components03,
  createLowLevelClient,
  type LowLevelClient,
  type Paths02,
  type Paths03,
} from './low-level.ts';
export * from './model.ts';
export type {
  AglStore,
  Dialect,
  HealthResult,
  RolloutQuery,
  SpanQuery,
  StoreCapabilities,
  StoreStatistics,
} from './store.ts';
export { DEFAULT_SPAN_CONCURRENCY, type StoreOptions } from './store-base.ts';
export {
  DEFAULT_HEALTH_PROBE,
  DEFAULT_TRANSPORT_OPTIONS,
  type HealthProbeOptions,
  type TransportOptions,
} from './transport/options.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './transport/retry-policy.ts';
export {
  type Problems,
  validateAttemptPatch,
  validateAttemptStatus,
  validateAttributes,
  validateAttributeValue,
  validateId,
  validateMode,
  validateNamedResources,
  validateRolloutPatch,
  validateRolloutQuery,
  validateRolloutRequest,
  validateRolloutStatus,
  validateSpan,
  validateSpanContext,
} from './validate.ts';
export * from './wire-contract/index.ts';
