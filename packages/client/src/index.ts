export {
  type ConnectOptions,
  connect,
  createAglStore,
  type DialectDetection,
  detectDialect,
} from './connect.ts';
export { AGL_ERROR_KINDS, AglError, type AglErrorKind, isAglError } from './errors.ts';
export type { components as Components10, paths as Paths10 } from './generated/agl-1.0.ts';
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
  AglServerClient,
  type AglServerClientOptions,
  DEFAULT_ATTEMPT_ID,
  type Event1,
  type GatewayMode,
  type Model1,
  type Rollout1,
  type RolloutCreate1,
  type RolloutDetail1,
  type RolloutState1,
  type TerminalRolloutsPage1,
} from './v1/agl-server-client.ts';
export { type AglDetection, detectAgl } from './v1/detect-agl.ts';
export {
  AGL_SERVER_1_ERROR_TYPE,
  AGL_SERVER_1_HEALTH_PATH,
  isAglServer1Error,
} from './v1/server-1-detection.ts';
export { type Problems, validateSpan } from './validate.ts';
export * from './wire-contract/index.ts';
