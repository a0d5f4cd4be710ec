import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  isRetryableOutcome,
  parseRetryAfterMs,
  type RetryContext,
  type TryOutcome,
} from './retry-policy.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

function context(overrides: Partial<RetryContext> = {}): RetryContext {
  return {
    retriesSoFar: 0,
    elapsedMs: 0,
    retrySafe: true,
    policy: { ...DEFAULT_RETRY_POLICY, jitter: 0 },
    nowMs: NOW,
    random: () => 0.5,
    ...overrides,
  };
}

const status = (code: number, retryAfter: string | null = null, notFound = false): TryOutcome => ({
  type: 'status',
  status: code,
  retryAfter,
  notFound,
});

describe('backoffDelayMs', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, jitter: 0 };
    const delays = [0, 1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, policy, () => 0));
    expect(delays).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('takes up to `jitter` of the delay away at random', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, jitter: 0.5 };
    expect(backoffDelayMs(1, policy, () => 0)).toBe(1000);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 0.5)).toBe(750);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('3', NOW)).toBe(3000);
    expect(parseRetryAfterMs(' 0.5 ', NOW)).toBe(500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:07 GMT', NOW)).toBe(7000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfterMs(null, NOW)).toBeNull();
    expect(parseRetryAfterMs('soon', NOW)).toBeNull();
    expect(parseRetryAfterMs('-1', NOW)).toBeNull();
  });
});

describe('isRetryableOutcome', () => {
  it.each([
    ['connection refused', { type: 'network', phase: 'connect' } as const, false, true],
    ['reset after sending, unsafe call', { type: 'network', phase: 'sent' } as const, false, false],
    ['reset after sending, safe call', { type: 'network', phase: 'sent' } as const, true, true],
    ['timeout, unsafe call', { type: 'timeout' } as const, false, false],
    ['timeout, safe call', { type: 'timeout' } as const, true, true],
    ['408', status(408), false, true],
    ['429', status(429), false, true],
    ['503', status(503), false, true],
    ['502, unsafe call', status(502), false, false],
    ['504, safe call', status(504), true, true],
    ['0.3 generic 500, safe call', status(500), true, true],
    ['0.3 generic 500, unsafe call', status(500), false, false],
    ['500 for an unknown rollout', status(500, null, true), true, false],
    ['0.2 400 application error', status(400), true, false],
    ['422 validation error', status(422), true, false],
    ['404', status(404), true, false],
  ])('%s → %s', (_name, outcome, retrySafe, expected) => {
    expect(isRetryableOutcome(outcome as TryOutcome, retrySafe)).toBe(expected);
  });
});

describe('decideRetry', () => {
  it('retries with backoff until maxRetries is reached', () => {
    const decisions = [0, 1, 2, 3].map((retriesSoFar) =>
      decideRetry(status(503), context({ retriesSoFar })),
    );
    expect(decisions.map((decision) => decision.retry)).toEqual([true, true, true, false]);
    expect(decisions.slice(0, 3).map((decision) => decision.delayMs)).toEqual([500, 1000, 2000]);
    expect(decisions[3]?.reason).toBe('gave up after 4 tries');
  });

  it('waits at least as long as Retry-After says', () => {
    const decision = decideRetry(status(429, '4'), context());
    expect(decision).toEqual({ retry: true, delayMs: 4000, reason: '' });
  });

  it('keeps its own backoff when Retry-After is shorter', () => {
    expect(decideRetry(status(429, '0'), context({ retriesSoFar: 2 })).delayMs).toBe(2000);
  });

  it('gives up when Retry-After is longer than allowed', () => {
    const decision = decideRetry(status(429, '120'), context());
    expect(decision.retry).toBe(false);
    expect(decision.reason).toMatch(/Retry-After 120 s is longer than the 30000 ms allowed/);
  });

  it('gives up when the next try would start after maxElapsedMs', () => {
    const decision = decideRetry(status(503), context({ elapsedMs: 59_800 }));
    expect(decision.retry).toBe(false);
    expect(decision.reason).toMatch(/60000 ms limit/);
  });

  it('never retries what is not retryable, whatever is left', () => {
    expect(decideRetry(status(400), context()).retry).toBe(false);
  });

  it('does not retry at all with maxRetries 0', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 0 };
    expect(decideRetry(status(503), context({ policy })).retry).toBe(false);
  });
});
