import { describe, expect, it } from 'vitest';
import { applyMask, MASK_FAILED_VALUE, type MaskCounters, type MaskFunction } from './redact.ts';

function counters(): MaskCounters {
  return {
    attributesDropped: 0,
    valuesStringified: 0,
    attributesFlattened: 0,
    stringsRepaired: 0,
    maskFailures: 0,
  };
}

describe('applyMask', () => {
  it('passes the key, value and location to the mask and uses its answer', () => {
    const seen: unknown[] = [];
    const mask: MaskFunction = (input) => {
      seen.push(input);
      return typeof input.value === 'string'
        ? input.value.replace(/sk-\w+/g, 'sk-***')
        : input.value;
    };
    expect(applyMask(mask, 'api', 'key sk-abc123', 'span', counters())).toBe('key sk-***');
    expect(seen).toEqual([{ key: 'api', value: 'key sk-abc123', location: 'span' }]);
  });

  it('fully masks the value when the mask throws, and counts the failure', () => {
    const tally = counters();
    const mask: MaskFunction = () => {
      throw new Error('mask bug');
    };
    expect(applyMask(mask, 'secret', 'password=hunter2', 'event', tally)).toBe(MASK_FAILED_VALUE);
    expect(tally.maskFailures).toBe(1);
  });

  it('drops the attribute when the mask returns undefined or null', () => {
    expect(applyMask(() => undefined, 'k', 'v', 'span', counters())).toBeUndefined();
    expect(applyMask(() => null, 'k', 'v', 'span', counters())).toBeUndefined();
  });

  it('makes whatever the mask returns safe again', () => {
    const tally = counters();
    expect(applyMask(() => ({ nested: true }), 'k', 'v', 'link', tally)).toBe('{"nested":true}');
    expect(applyMask(() => Number.NaN, 'k', 1, 'resource', tally)).toBe('NaN');
    expect(applyMask(() => 'bad\uD800', 'k', 'v', 'span', tally)).toBe('bad\uFFFD');
  });
});
