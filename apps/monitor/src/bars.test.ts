import { describe, expect, it } from 'vitest';
import { meter, timelineBar } from './bars.ts';

describe('meter', () => {
  it('fills in proportion to the part', () => {
    expect(meter(250, 500, 10)).toBe('█████░░░░░');
    expect(meter(500, 500, 4)).toBe('████');
    expect(meter(0, 500, 4)).toBe('░░░░');
  });

  it('shows one cell for any progress and keeps one empty until complete', () => {
    expect(meter(1, 500, 10)).toBe('█░░░░░░░░░');
    expect(meter(499, 500, 10)).toBe('█████████░');
  });

  it('clamps overflow and handles a zero whole', () => {
    expect(meter(900, 500, 3)).toBe('███');
    expect(meter(3, 0, 3)).toBe('░░░');
  });
});

describe('timelineBar', () => {
  it('places the span window on the track', () => {
    expect(timelineBar(0, 1_000, 1_000, 10)).toBe('██████████');
    expect(timelineBar(500, 250, 1_000, 8)).toBe('    ██  ');
  });

  it('draws at least one cell for instant spans, even at the very end', () => {
    expect(timelineBar(1_000, 0, 1_000, 5)).toBe('    █');
    expect(timelineBar(0, 0, 1_000, 5)).toBe('█    ');
  });

  it('has an exact width whatever the inputs', () => {
    for (const [offset, duration] of [
      [-50, 30],
      [900, 5_000],
      [0, -3],
    ] as const) {
      expect(Array.from(timelineBar(offset, duration, 1_000, 7))).toHaveLength(7);
    }
    expect(timelineBar(0, 0, 0, 3)).toBe('█  ');
  });
});
