import { describe, expect, it } from 'vitest';
import { hrTimeToSeconds } from './time.ts';

describe('hrTimeToSeconds', () => {
  it('turns [seconds, nanoseconds] into float epoch seconds', () => {
    expect(hrTimeToSeconds([1_700_000_000, 500_000_000])).toBe(1_700_000_000.5);
    expect(hrTimeToSeconds([1_700_000_000, 0])).toBe(1_700_000_000);
  });

  it('matches the correctly rounded nanoseconds / 1e9 that Python computes', () => {
    const samples: Array<[number, number]> = [
      [1_763_937_000, 123_456_789],
      [1_700_000_000, 1],
      [1_795_474_864, 999_999_999],
      [1_600_000_000, 1_953_125],
    ];
    for (const [seconds, nanos] of samples) {
      const exact = BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
      // The nearest double to exact/1e9: compare both neighbours of our result exactly.
      const ours = hrTimeToSeconds([seconds, nanos]) as number;
      for (const neighbour of [nextDown(ours), nextUp(ours)]) {
        expect(distanceTimes1e9(ours, exact)).toBeLessThanOrEqual(
          distanceTimes1e9(neighbour, exact),
        );
      }
    }
  });

  it('gives null for zero, missing or malformed times', () => {
    expect(hrTimeToSeconds([0, 0])).toBeNull();
    expect(hrTimeToSeconds(undefined)).toBeNull();
    expect(hrTimeToSeconds(['x', 1] as never)).toBeNull();
    expect(hrTimeToSeconds([Number.NaN, 0])).toBeNull();
    expect(hrTimeToSeconds([-5, 0])).toBeNull();
    expect(hrTimeToSeconds([1e12, 0])).toBeNull();
  });
});

// |value * 1e9 - exact| scaled to an integer: value = m * 2^e exactly, so compare in BigInt.
function distanceTimes1e9(value: number, exact: bigint): bigint {
  const [mantissa, exponent] = decompose(value);
  const shift = -exponent;
  const scaledExact = exact << BigInt(shift);
  const scaledValue = mantissa * 1_000_000_000n;
  const difference = scaledValue - scaledExact;
  return difference < 0n ? -difference : difference;
}

function decompose(value: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return [fraction | (1n << 52n), exponentBits - 1075];
}

function nextUp(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

function nextDown(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
