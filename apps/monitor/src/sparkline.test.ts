import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline.ts';

describe('sparkline', () => {
  it('scales from zero to the largest value', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe('▁▂▃▄▅▆▇█');
  });

  it('keeps the newest values and right-aligns short series', () => {
    expect(sparkline([7, 0, 7], 2)).toBe('▁█');
    expect(sparkline([1, 1], 4)).toBe('  ██');
  });

  it('draws a flat baseline when everything is zero', () => {
    expect(sparkline([0, 0, 0], 3)).toBe('▁▁▁');
  });

  it('treats negative and non-finite values as zero', () => {
    expect(sparkline([-5, Number.NaN, 2], 3)).toBe('▁▁█');
  });

  it('returns blanks for an empty series and nothing for no width', () => {
    expect(sparkline([], 3)).toBe('   ');
    expect(sparkline([1, 2], 0)).toBe('');
  });
});
