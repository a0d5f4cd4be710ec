// When to try a call again, and after how long. Pure functions: no timers, no I/O.

export interface RetryPolicy {
  /** Retries after the first try; 0 disables retrying. */
  maxRetries: number;
  /** Delay before the first retry; doubles (× `multiplier`) each time. */
  initialDelayMs: number;
  multiplier: number;
  /** Upper bound of one backoff delay. */
  maxDelayMs: number;
  /** Fraction of each delay that is random (0 = fixed delays, 1 = anywhere from 0 to the delay). */
  jitter: number;
  /** Longest `Retry-After` honoured; a longer one ends the retries. */
  maxRetryAfterMs: number;
  /** No retry starts after this much time has passed since the first try. */
  maxElapsedMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 3,
  initialDelayMs: 500,
  multiplier: 2,
  maxDelayMs: 5_000,
  jitter: 0.5,
  maxRetryAfterMs: 30_000,
  maxElapsedMs: 60_000,
});

export const NO_RETRIES: Readonly<RetryPolicy> = Object.freeze({
  ...DEFAULT_RETRY_POLICY,
  maxRetries: 0,
});

/** What happened on one try. */
export type TryOutcome =
  | {
      type: 'network';
      /** `connect`: the request never reached the server (refused, connect timeout, DNS). */
      phase: 'connect' | 'sent';
    }
  | { type: 'timeout' }
  | {
      type: 'status';
      status: number;
      /** The server's `Retry-After` header, if any. */
      retryAfter: string | null;
      /** An AGL store error the server reported for a missing rollout/attempt: never retried. */
      notFound: boolean;
    };

export interface RetryDecision {
  retry: boolean;
  /** Wait this long before the next try (when `retry`). */
  delayMs: number;
  /** Why not, in words, when `retry` is false. */
  reason: string;
}

export interface RetryContext {
  /** Number of retries already made (0 after the first try). */
  retriesSoFar: number;
  /** Milliseconds since the first try started. */
  elapsedMs: number;
  /** Whether repeating the call cannot do harm (reads, set-style updates, deduplicated writes). */
  retrySafe: boolean;
  policy: RetryPolicy;
  nowMs: number;
  random: () => number;
}

/** Capped exponential backoff with jitter: the delay before retry number `retry` (0-based). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const exponential = policy.initialDelayMs * policy.multiplier ** retry;
  const capped = Math.min(policy.maxDelayMs, exponential);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(capped * (1 - jitter * random()));
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; null if unusable. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date names its month; this keeps Date.parse from reading "-1" as a year.
  if (!/[A-Za-z]/.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/**
 * Which outcomes are worth another try:
 * - connection refused / connect timeout (nothing was sent): always;
 * - connection reset or timeout after sending: only when the call is retry-safe;
 * - 408, 429 and 503 (the server did not process it): always, honouring `Retry-After`;
 * - 502 and 504 (a proxy lost the answer): only when retry-safe;
 * - other 5xx, e.g. 0.3's generic 500: only when retry-safe, and never for "not found";
 * - anything else (4xx, 0.2's 400 application errors): never.
 */
export function isRetryableOutcome(outcome: TryOutcome, retrySafe: boolean): boolean {
  switch (outcome.type) {
    case 'network':
      return outcome.phase === 'connect' || retrySafe;
    case 'timeout':
      return retrySafe;
    case 'status': {
      const { status } = outcome;
      if (status === 408 || status === 429 || status === 503) return true;
      if (status === 502 || status === 504) return retrySafe;
      if (status >= 500) return retrySafe && !outcome.notFound;
      return false;
    }
  }
}

export function decideRetry(outcome: TryOutcome, context: RetryContext): RetryDecision {
  const { policy } = context;
  if (!isRetryableOutcome(outcome, context.retrySafe)) {
    return { retry: false, delayMs: 0, reason: 'not retryable' };
  }
  if (context.retriesSoFar >= policy.maxRetries) {
    return {
      retry: false,
      delayMs: 0,
      reason: `gave up after ${context.retriesSoFar + 1} tries`,
    };
  }
  let delayMs = backoffDelayMs(context.retriesSoFar, policy, context.random);
  if (outcome.type === 'status') {
    const retryAfterMs = parseRetryAfterMs(outcome.retryAfter, context.nowMs);
    if (retryAfterMs !== null) {
      if (retryAfterMs > policy.maxRetryAfterMs) {
        return {
          retry: false,
          delayMs: 0,
          reason: `Retry-After ${Math.ceil(retryAfterMs / 1000)} s is longer than the ${policy.maxRetryAfterMs} ms allowed`,
        };
      }
      delayMs = Math.max(delayMs, retryAfterMs);
    }
  }
  if (context.elapsedMs + delayMs > policy.maxElapsedMs) {
    return {
      retry: false,
      delayMs: 0,
      reason: `retrying would pass the ${policy.maxElapsedMs} ms limit`,
    };
  }
  return { retry: true, delayMs, reason: '' };
}
