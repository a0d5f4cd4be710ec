import type { Dispatcher } from 'undici';
import { DEFAULT_RETRY_POLICY, NO_RETRIES, type RetryPolicy } from './retry-policy.ts';

export interface HealthProbeOptions {
  /** Waits between health probes; the first probe goes out at once. */
  delaysMs: readonly number[];
  /** Timeout of one probe. */
  timeoutMs: number;
}

/** Tunables of the HTTP transport. Every field is optional; see `DEFAULT_TRANSPORT_OPTIONS`. */
export interface TransportOptions {
  /** Per-try timeout until the whole response has arrived. */
  timeoutMs?: number;
  /** Timeout for opening a TCP connection. */
  connectTimeoutMs?: number;
  /** Retry policy; `false` disables retries. */
  retry?: Partial<RetryPolicy> | false;
  /** Probe the health route before each retry and give up if it does not answer; `false` to skip. */
  healthProbe?: Partial<HealthProbeOptions> | false;
  /** Keep-alive connections kept open to the store. */
  connections?: number;
  /**
   * Idle time after which a pooled connection is closed. Shorter than uvicorn's 5 s so the client
   * never reuses a socket the server is closing at the same moment.
   */
  keepAliveTimeoutMs?: number;
  /** An undici dispatcher to use instead of the built-in pool (it is not closed by `close()`). */
  dispatcher?: Dispatcher;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Source of randomness for backoff jitter (tests pass a fixed one). */
  random?: () => number;
}

export interface ResolvedTransportOptions {
  timeoutMs: number;
  connectTimeoutMs: number;
  retry: RetryPolicy;
  healthProbe: HealthProbeOptions | false;
  connections: number;
  keepAliveTimeoutMs: number;
  dispatcher: Dispatcher | undefined;
  headers: Record<string, string>;
  random: () => number;
}

export const DEFAULT_HEALTH_PROBE: Readonly<HealthProbeOptions> = Object.freeze({
  delaysMs: [100, 200, 500],
  timeoutMs: 2_000,
});

export const DEFAULT_TRANSPORT_OPTIONS = Object.freeze({
  timeoutMs: 30_000,
  connectTimeoutMs: 5_000,
  retry: DEFAULT_RETRY_POLICY,
  healthProbe: DEFAULT_HEALTH_PROBE,
  connections: 16,
  keepAliveTimeoutMs: 2_000,
});

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive number of milliseconds, got ${value}`);
  }
  return value;
}

/** Fills in defaults and rejects nonsensical values with a message naming the option. */
export function resolveTransportOptions(options: TransportOptions = {}): ResolvedTransportOptions {
  const defaults = DEFAULT_TRANSPORT_OPTIONS;
  const retry: RetryPolicy =
    options.retry === false ? { ...NO_RETRIES } : { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
    throw new TypeError(`retry.maxRetries must be a whole number >= 0, got ${retry.maxRetries}`);
  }
  if (!(retry.jitter >= 0 && retry.jitter <= 1)) {
    throw new TypeError(`retry.jitter must be between 0 and 1, got ${retry.jitter}`);
  }
  if (!(retry.multiplier >= 1)) {
    throw new TypeError(`retry.multiplier must be >= 1, got ${retry.multiplier}`);
  }
  const connections = options.connections ?? defaults.connections;
  if (!Number.isInteger(connections) || connections < 1) {
    throw new TypeError(`connections must be a whole number >= 1, got ${connections}`);
  }
  return {
    timeoutMs: positive('timeoutMs', options.timeoutMs, defaults.timeoutMs),
    connectTimeoutMs: positive(
      'connectTimeoutMs',
      options.connectTimeoutMs,
      defaults.connectTimeoutMs,
    ),
    retry,
    healthProbe:
      options.healthProbe === false
        ? false
        : {
            delaysMs: options.healthProbe?.delaysMs ?? [...DEFAULT_HEALTH_PROBE.delaysMs],
            timeoutMs: positive(
              'healthProbe.timeoutMs',
              options.healthProbe?.timeoutMs,
              DEFAULT_HEALTH_PROBE.timeoutMs,
            ),
          },
    connections,
    keepAliveTimeoutMs: positive(
      'keepAliveTimeoutMs',
      options.keepAliveTimeoutMs,
      defaults.keepAliveTimeoutMs,
    ),
    dispatcher: options.dispatcher,
    headers: { ...options.headers },
    random: options.random ?? Math.random,
  };
}
