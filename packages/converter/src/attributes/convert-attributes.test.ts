import { describe, expect, it } from 'vitest';
import { createConversionStats } from '../conversion-stats.ts';
import {
  type AttributeConversion,
  convertAttributes,
  DROPPED_ATTRIBUTES_COUNT_KEY,
  TRUNCATED_ATTRIBUTES_KEY,
} from './convert-attributes.ts';
import { resolveSpanLimits, type SpanLimits } from './limits.ts';
import { MASK_FAILED_VALUE, type MaskFunction } from './redact.ts';

function conversion(limits: Partial<SpanLimits> = {}, mask?: MaskFunction): AttributeConversion {
  return { limits: resolveSpanLimits(limits), mask, stats: createConversionStats() };
}

describe('convertAttributes', () => {
  it('copies safe attributes unchanged and adds no markers', () => {
    const input = { a: 'x', b: 1, c: [true] };
    expect(convertAttributes(conversion(), 'span', 10, 0, input)).toEqual(input);
  });

  it('merges sources in order; a key already written wins', () => {
    const target = conversion();
    const out = convertAttributes(target, 'span', 10, 0, { a: 1, b: 2 }, { b: 3, c: 4 });
    expect(out).toEqual({ a: 1, b: 2, c: 4, [DROPPED_ATTRIBUTES_COUNT_KEY]: 1 });
    expect(target.stats.attributesDropped).toBe(1);
  });

  it('keeps at most the count limit and marks how many were dropped', () => {
    const out = convertAttributes(conversion(), 'span', 2, 0, { a: 1, b: 2, c: 3, d: 4 });
    expect(out).toEqual({ a: 1, b: 2, [DROPPED_ATTRIBUTES_COUNT_KEY]: 2 });
  });

  it('adds the drops the OpenTelemetry SDK reported to the marker', () => {
    const out = convertAttributes(conversion(), 'event', 10, 3, { a: null, b: 1 });
    expect(out).toEqual({ b: 1, [DROPPED_ATTRIBUTES_COUNT_KEY]: 4 });
  });

  it('lists the keys it truncated', () => {
    const target = conversion({ attributeValueLengthLimit: 4, attributeArrayLengthLimit: 1 });
    const out = convertAttributes(target, 'span', 10, 0, {
      long: 'abcdefgh',
      ids: [1, 2],
      ok: 'ab',
    });
    expect(out).toEqual({
      long: 'abcd…[truncated 4 characters]',
      ids: [1],
      ok: 'ab',
      [TRUNCATED_ATTRIBUTES_KEY]: ['long', 'ids'],
    });
    expect(target.stats.valuesTruncated).toBe(2);
  });

  it('masks every value with its flattened key and location', () => {
    const seen: string[] = [];
    const mask: MaskFunction = ({ key, value, location }) => {
      seen.push(`${location}:${key}`);
      return key.endsWith('token') ? '***' : value;
    };
    const out = convertAttributes(conversion({}, mask), 'link', 10, 0, {
      auth: { token: 'secret', user: 'u' },
    });
    expect(out).toEqual({ 'auth.token': '***', 'auth.user': 'u' });
    expect(seen).toEqual(['link:auth.token', 'link:auth.user']);
  });

  it('masks before truncating, so the mask sees the whole value', () => {
    let seenLength = 0;
    const mask: MaskFunction = ({ value }) => {
      seenLength = String(value).length;
      return value;
    };
    convertAttributes(conversion({ attributeValueLengthLimit: 2 }, mask), 'span', 10, 0, {
      k: 'abcdef',
    });
    expect(seenLength).toBe(6);
  });

  it('never sends the raw value when the mask throws', () => {
    const target = conversion({}, () => {
      throw new Error('mask bug');
    });
    const out = convertAttributes(target, 'span', 10, 0, { password: 'hunter2', n: 5 });
    expect(out).toEqual({ password: MASK_FAILED_VALUE, n: MASK_FAILED_VALUE });
    expect(target.stats.maskFailures).toBe(2);
  });

  it('drops what the mask removes and counts it', () => {
    const out = convertAttributes(
      conversion({}, () => undefined),
      'resource',
      10,
      0,
      { a: 1 },
    );
    expect(out).toEqual({ [DROPPED_ATTRIBUTES_COUNT_KEY]: 1 });
  });

  it('stores a __proto__ key as data without touching the prototype', () => {
    const source = JSON.parse('{"__proto__": "x", "a": 1}') as Record<string, unknown>;
    const out = convertAttributes(conversion(), 'span', 10, 0, source);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(out))).toEqual(source);
  });

  it('ignores missing and non-object sources', () => {
    expect(convertAttributes(conversion(), 'span', 10, 0, undefined, 'x' as never)).toEqual({});
  });
});
