export { App, type AppProps } from './app.ts';
export { type MonitorOptions, type ParsedArgs, parseMonitorArgs, UsageError } from './args.ts';
export type { MonitorFeed, MonitorState, Outage } from './feed.ts';
export { type SnapshotTextOptions, snapshotText } from './once.ts';
export { runLive } from './run-live.ts';
export { runOnce } from './run-once.ts';
export { StoreFeed, type StoreFeedOptions } from './store-feed.ts';
export { KEY_BINDINGS } from './views/help.ts';
