export {
  type AglRunContext,
  type FlushRunResult,
  type FlushTarget,
  withAglContext,
} from '@agl/exporter';
export { type AglRunOptions, aglRun } from './agl-run.ts';
export { type AglEnvConfig, type ConfigResult, readAglEnv } from './config.ts';
export { installFlushOnExit } from './flush-on-exit.ts';
export {
  type GenAiLogEventStats,
  GenAiLogEventsProcessor,
} from './genai-log-events.ts';
export {
  type AglHandles,
  aglHandles,
  type RegisterAglOptions,
  registerAgl,
  resetAglRegistration,
} from './register-agl.ts';
