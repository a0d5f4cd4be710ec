import { describe, expect, it } from 'vitest';
import { distribution, median, percentile } from './stats.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is NaN without values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('distribution', () => {
  it('sorts before ranking and reports the mean', () => {
    expect(distribution([30, 10, 20, 40])).toEqual({
      count: 4,
      min: 10,
      p50: 20,
      p90: 40,
      p99: 40,
      max: 40,
      mean: 25,
    });
    expect(median([3, 1, 2])).toBe(2);
  });
});
