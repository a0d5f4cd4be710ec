import { describe, expect, it } from 'vitest';
import { estimateClockOffsetMs, heartbeatIntervalMs } from './attempt-heartbeat.ts';

describe('heartbeatIntervalMs', () => {
  it('beats three times within unresponsive_seconds, never slower than configured', () => {
    expect(heartbeatIntervalMs({ unresponsive_seconds: 3 }, 10_000)).toBe(1_000);
    expect(heartbeatIntervalMs({ unresponsive_seconds: 600 }, 10_000)).toBe(10_000);
    expect(heartbeatIntervalMs({ unresponsive_seconds: null }, 7_000)).toBe(7_000);
    expect(heartbeatIntervalMs(undefined)).toBe(10_000);
    expect(heartbeatIntervalMs({ unresponsive_seconds: 0.01 })).toBe(100);
  });
});

describe('estimateClockOffsetMs', () => {
  it('is 0 when the store clock agrees with ours within a second', () => {
    expect(estimateClockOffsetMs(10_000, 10_020, 10.01)).toBe(0);
    expect(estimateClockOffsetMs(10_000, 10_020, 9.5)).toBe(0);
  });

  it('measures a store clock ahead of or behind ours', () => {
    expect(estimateClockOffsetMs(10_000, 10_020, 15.01)).toBe(5_000);
    expect(estimateClockOffsetMs(10_000, 10_020, 5.01)).toBe(-5_000);
  });
});
