import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './map-with-concurrency.ts';

describe('mapWithConcurrency', () => {
  it('keeps the input order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const pending = mapWithConcurrency([1, 2, 3, 4, 5], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise<void>((resolve) => release.push(resolve));
      inFlight--;
      return n * 10;
    });
    while (release.length > 0 || inFlight > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      release.pop()?.();
    }
    expect(await pending).toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
  });

  it('handles an empty list and a limit above the length', async () => {
    expect(await mapWithConcurrency([], 3, async (n: number) => n)).toEqual([]);
    expect(await mapWithConcurrency([1, 2], 8, async (n) => n + 1)).toEqual([2, 3]);
  });

  it('rejects a limit below 1', async () => {
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toThrow(RangeError);
  });
});
