import { describe, expect, it } from 'vitest';
import { histogram, percentile } from './percentile.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('histogram', () => {
  it('bins rewards over 0–1, the top value in the last bin', () => {
    const bins = histogram([0, 0.05, 0.5, 0.55, 1]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 0.1, count: 2 });
    expect(bins[5]).toEqual({ from: 0.5, to: 0.6, count: 2 });
    expect(bins[9]).toEqual({ from: 0.9, to: 1, count: 1 });
  });

  it('puts values on a bin edge in the bin that starts there', () => {
    expect(histogram([0.3, 0.7]).map((bin) => bin.count)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 0]);
  });

  it('widens to values outside 0–1', () => {
    const bins = histogram([-1, 1], 2);
    expect(bins).toEqual([
      { from: -1, to: 0, count: 1 },
      { from: 0, to: 1, count: 1 },
    ]);
    expect(histogram([])).toEqual([]);
  });
});
