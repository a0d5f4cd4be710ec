import type { StoreConnection, SummaryCache } from '@agl/snapshot';
import type { LiveFeed } from './live-feed.ts';

/** What the routes share. */
export interface AppContext {
  connection: StoreConnection;
  feed: LiveFeed;
  cache: SummaryCache;
  now: () => number;
  startedAt: number;
  /** The AGL endpoint without credentials. */
  endpoint: string;
  /** Advice on starting AGL, sent along with 503s. */
  hint: string;
  /** Keep-alive comment interval of the event stream. */
  keepAliveMs: number;
}
