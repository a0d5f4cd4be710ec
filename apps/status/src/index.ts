export { createStatusApp, type StatusApp, type StatusAppDeps, startHint } from './app.ts';
export {
  ConfigError,
  DEFAULT_CONFIG,
  describeConfig,
  parseConfig,
  type StatusConfig,
} from './config.ts';
export { formatStatus, formatUnreachable } from './format-status.ts';
export { type FeedEvent, LiveFeed, type StatusSnapshot } from './live-feed.ts';
export { type RunningStatusServer, startStatusServer } from './server.ts';
