import { describe, expect, it } from 'vitest';
import { RetryBackoff } from './retry-backoff.ts';

describe('RetryBackoff', () => {
  it('pauses for a doubling delay up to the cap, and a success ends the pause at once', () => {
    const backoff = new RetryBackoff(100, 350);
    expect(backoff.isPaused(0)).toBe(false);
    expect(backoff.failed(0)).toBe(true);
    expect(backoff.isPaused(99)).toBe(true);
    expect(backoff.isPaused(100)).toBe(false);
    expect(backoff.failed(100)).toBe(false);
    expect(backoff.pausedUntil).toBe(300);
    backoff.failed(300);
    expect(backoff.pausedUntil).toBe(650);
    backoff.failed(650);
    expect(backoff.pausedUntil).toBe(1_000);
    expect(backoff.succeeded(700)).toBe(700);
    expect(backoff.isPaused(701)).toBe(false);
    expect(backoff.inOutage).toBe(false);
    backoff.failed(800);
    expect(backoff.pausedUntil).toBe(900);
  });

  it('reports no outage for a success outside one', () => {
    expect(new RetryBackoff(100).succeeded(5)).toBeUndefined();
  });
});
