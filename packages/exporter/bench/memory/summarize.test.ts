import { describe, expect, it } from 'vitest';
import type { OutageSample } from './outage-case.ts';
import { slopePerMinute, summarizeOutage } from './summarize.ts';

function sample(
  at: number,
  retained: number | null,
  rss = 100,
  queued = 0,
  exported = 0,
  inFlight = 0,
): OutageSample {
  return {
    at,
    rss,
    heapUsed: retained ?? 50,
    external: 0,
    retainedHeap: retained,
    queued,
    exported,
    dropped: 0,
    inFlight,
    rolloutsStarted: 0,
    rolloutsFinished: exported,
    spansOffered: at,
  };
}

describe('slopePerMinute', () => {
  it('fits a line through the points', () => {
    expect(
      slopePerMinute([
        { t: 0, y: 0 },
        { t: 30_000, y: 5 },
        { t: 60_000, y: 10 },
      ]),
    ).toBeCloseTo(10);
    expect(slopePerMinute([{ t: 0, y: 3 }])).toBe(0);
  });
});

describe('summarizeOutage', () => {
  it('compares the heap at the end of the outage with the last healthy one', () => {
    const phases = { start: 0, outageStart: 1000, outageEnd: 3000, end: 4000 };
    const summary = summarizeOutage(
      [
        sample(0, 10),
        sample(900, 12, 200),
        sample(1500, 20, 300, 40),
        sample(2000, 30, 500, 80),
        sample(2450, 40, 400),
        sample(2900, 50, 450),
        sample(3100, null, 600, 5),
        sample(3500, null, 600, 5),
        sample(3900, 14, 250, 0, 7),
      ],
      phases,
    );
    expect(summary.baselineRetainedHeap).toBe(12);
    expect(summary.baselineRss).toBe(200);
    expect(summary.outageGrowth).toBe(38);
    expect(summary.peakRss).toBe(600);
    expect(summary.peakRetainedHeap).toBe(50);
    expect(summary.afterRecoveryRetainedHeap).toBe(14);
    expect(summary.peakQueued).toBe(80);
    expect(summary.firstDeliveryAfterOutageSeconds).toBe(0.9);
    expect(summary.offeredAfterOutage).toBe(1000);
    expect(summary.exportedAfterOutage).toBe(7);
    expect(summary.rolloutsFinishedAfterOutage).toBe(7);
    // 3100 → 3500: 5 spans queued, nothing in flight, nothing delivered.
    expect(summary.stalledWithQueuedSeconds).toBeCloseTo(0.4);
    // 30 → 50 over 0.9 s in the second half: 20 per 0.9 s.
    expect(summary.retainedSlopePerMinute).toBeCloseTo(((50 - 30) / 900) * 60_000, 0);
  });
});
