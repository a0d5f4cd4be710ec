import type { ConnectOptions } from '@agl/client';

/**
 * How long a dashboard waits for one answer from the store. A hung store must show as
 * "not answering" within seconds, not after the client's default 30 s.
 */
export const DASHBOARD_TIMEOUT_MS = 4_000;

/**
 * Client options for dashboards: short timeouts and no retries, because a dashboard polls again
 * on its own and must report a silent store quickly.
 */
export const DASHBOARD_CONNECT_OPTIONS: Readonly<ConnectOptions> = Object.freeze({
  timeoutMs: DASHBOARD_TIMEOUT_MS,
  connectTimeoutMs: 2_000,
  probeTimeoutMs: 2_000,
  retry: false,
});
