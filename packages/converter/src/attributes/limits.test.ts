import { describe, expect, it } from 'vitest';
import { DEFAULT_SPAN_LIMITS, resolveSpanLimits, truncateText, truncateValue } from './limits.ts';
import { isWellFormed } from './well-formed-string.ts';

describe('resolveSpanLimits', () => {
  it('fills every limit from the defaults', () => {
    expect(resolveSpanLimits()).toEqual(DEFAULT_SPAN_LIMITS);
    expect(resolveSpanLimits({ eventCountLimit: 3 }).eventCountLimit).toBe(3);
    expect(resolveSpanLimits({ linkCountLimit: Number.POSITIVE_INFINITY }).linkCountLimit).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('rejects limits that are not positive integers, naming the limit', () => {
    expect(() => resolveSpanLimits({ attributeCountLimit: 0 })).toThrow(/attributeCountLimit/);
    expect(() => resolveSpanLimits({ eventCountLimit: 1.5 })).toThrow(/positive integer/);
    expect(() => resolveSpanLimits({ linkCountLimit: Number.NaN })).toThrow(/linkCountLimit/);
    expect(() => resolveSpanLimits({ nope: 1 } as never)).toThrow(/Unknown span limit "nope"/);
  });
});

describe('truncateText', () => {
  it('returns text that fits unchanged', () => {
    const text = 'short';
    expect(truncateText(text, 5)).toBe(text);
  });

  it('cuts long text and says how much was cut', () => {
    expect(truncateText('abcdefghij', 4)).toBe('abcd…[truncated 6 characters]');
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateText('ab😀cd', 3);
    expect(cut).toBe('ab…[truncated 4 characters]');
    expect(isWellFormed(cut)).toBe(true);
  });
});

describe('truncateValue', () => {
  const limits = resolveSpanLimits({ attributeValueLengthLimit: 3, attributeArrayLengthLimit: 2 });

  it('keeps values within the limits as the same reference', () => {
    const array = ['a', 'b'];
    expect(truncateValue(array, limits)).toBe(array);
    expect(truncateValue(12345678, limits)).toBe(12345678);
    expect(truncateValue(true, limits)).toBe(true);
  });

  it('cuts long arrays and long strings inside arrays without touching the input', () => {
    const input = ['abcdef', 'b', 'c'];
    expect(truncateValue(input, limits)).toEqual(['abc…[truncated 3 characters]', 'b']);
    expect(input).toEqual(['abcdef', 'b', 'c']);
    expect(truncateValue([1, 2, 3], limits)).toEqual([1, 2]);
  });
});
