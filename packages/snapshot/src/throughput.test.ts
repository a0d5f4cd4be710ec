import { describe, expect, it } from 'vitest';
import { pollDelay } from './backoff.ts';
import { ThroughputSeries } from './throughput.ts';

describe('ThroughputSeries', () => {
  it('turns counts since the last record into rates', () => {
    const series = new ThroughputSeries();
    expect(series.record(0, 100, 100)).toBeNull();
    expect(series.record(2_000, 10, 1)).toEqual({
      at: 2_000,
      spansPerSecond: 5,
      rolloutsPerMinute: 30,
    });
    expect(series.samples()).toHaveLength(1);
  });

  it('keeps only the newest samples', () => {
    const series = new ThroughputSeries(2);
    for (let at = 0; at <= 3_000; at += 1_000) series.record(at, 1, 0);
    expect(series.samples().map((sample) => sample.at)).toEqual([2_000, 3_000]);
  });

  it('starts over after restart without inventing a rate across the gap', () => {
    const series = new ThroughputSeries();
    series.record(0, 0, 0);
    series.restart();
    expect(series.record(60_000, 600, 10)).toBeNull();
    expect(series.record(61_000, 3, 0)?.spansPerSecond).toBe(3);
  });

  it('ignores records that do not move forward in time', () => {
    const series = new ThroughputSeries();
    series.record(1_000, 0, 0);
    expect(series.record(1_000, 5, 5)).toBeNull();
  });

  it('rejects a bad size', () => {
    expect(() => new ThroughputSeries(0)).toThrow(/maxSamples/);
  });
});

describe('pollDelay', () => {
  it('doubles per failure up to the cap', () => {
    expect([0, 1, 2, 3, 10, 100].map((failures) => pollDelay(failures, 1_000, 5_000))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000, 5_000,
    ]);
  });

  it('never waits less than the interval', () => {
    expect(pollDelay(1, 10_000, 1_000)).toBe(10_000);
  });
});
