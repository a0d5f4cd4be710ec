import { describe, expect, it } from 'vitest';
import {
  fit,
  formatAge,
  formatCount,
  formatDuration,
  formatPercent,
  formatRate,
  formatReward,
  formatSeconds,
  formatTokens,
  truncate,
} from './format.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [999.6, '1000ms'],
    [1_000, '1.0s'],
    [4_249, '4.2s'],
    [9_999, '9.9s'],
    [42_000, '42s'],
    [185_000, '3m05s'],
    [7_500_000, '2h05m'],
    [273_600_000, '3d04h'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows a dash for negative or non-finite input', () => {
    expect(formatDuration(-1)).toBe('-');
    expect(formatDuration(Number.NaN)).toBe('-');
  });
});

describe('formatSeconds', () => {
  it('counts whole seconds, then falls back to the compact duration', () => {
    expect(formatSeconds(999)).toBe('0s');
    expect(formatSeconds(9_999)).toBe('9s');
    expect(formatSeconds(185_000)).toBe('3m05s');
    expect(formatSeconds(-5)).toBe('-');
  });
});

describe('formatAge', () => {
  const now = 1_700_000_000_000;
  it.each([
    [now - 200, 'now'],
    [now + 5_000, 'now'],
    [now - 5_000, '5s ago'],
    [now - 185_000, '3m ago'],
    [now - 7_500_000, '2h ago'],
    [now - 3 * 86_400_000, '3d ago'],
  ])('%d → %s', (then, text) => {
    expect(formatAge(then, now)).toBe(text);
  });
});

describe('formatCount', () => {
  it.each([
    [null, '-'],
    [0, '0'],
    [999, '999'],
    [1_000, '1k'],
    [1_234, '1.2k'],
    [12_345, '12k'],
    [123_456, '123k'],
    [1_250_000, '1.3M'],
    [42_000_000, '42M'],
  ])('%s → %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
});

describe('formatTokens', () => {
  it('joins input and output', () => {
    expect(formatTokens(1_234, 56)).toBe('1.2k/56');
    expect(formatTokens(10, null)).toBe('10/-');
    expect(formatTokens(null, null)).toBe('-');
  });
});

describe('formatReward', () => {
  it.each([
    [null, '-'],
    [1, '1'],
    [0.5, '0.5'],
    [0.875, '0.875'],
    [0.12345, '0.123'],
    [-0.25, '-0.25'],
    [-0.0001, '0'],
  ])('%s → %s', (value, text) => {
    expect(formatReward(value)).toBe(text);
  });
});

describe('formatRate', () => {
  it('keeps one decimal for small rates and compacts large ones', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(2.54)).toBe('2.5');
    expect(formatRate(37)).toBe('37');
    expect(formatRate(1_234)).toBe('1.2k');
  });
});

describe('truncate and fit', () => {
  it('cuts with an ellipsis only when needed', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdefg', 6)).toBe('abcde…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('pads to an exact width on either side', () => {
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('ab', 4, 'end')).toBe('  ab');
    expect(fit('abcdef', 4)).toBe('abc…');
  });

  it('flattens whitespace so a cell never breaks a line', () => {
    expect(fit('a\nb\tc', 5)).toBe('a b c');
  });
});

describe('formatPercent', () => {
  it('clamps and floors', () => {
    expect(formatPercent(37, 500)).toBe('7%');
    expect(formatPercent(900, 500)).toBe('100%');
    expect(formatPercent(1, 0)).toBe('0%');
  });
});
