import type { AttributeValue } from '@agl/client';
import { describe, expect, it } from 'vitest';
import {
  coerceAttributeValue,
  MAX_LEAVES_PER_VALUE,
  type SanitizeCounters,
  sanitizeAttribute,
} from './sanitize-attribute-value.ts';

function counters(): SanitizeCounters {
  return { attributesDropped: 0, valuesStringified: 0, attributesFlattened: 0, stringsRepaired: 0 };
}

function sanitize(value: unknown, key = 'k', capacity = Number.POSITIVE_INFINITY) {
  const out: Record<string, AttributeValue> = {};
  const tally = counters();
  let size = 0;
  sanitizeAttribute(
    key,
    value,
    (k, v) => {
      if (size >= capacity) return false;
      out[k] = v;
      size++;
      return true;
    },
    tally,
  );
  return { out, tally };
}

describe('sanitizeAttribute', () => {
  it('passes primitives and homogeneous arrays through unchanged', () => {
    expect(sanitize('text').out).toEqual({ k: 'text' });
    expect(sanitize(42).out).toEqual({ k: 42 });
    expect(sanitize(-1.5).out).toEqual({ k: -1.5 });
    expect(sanitize(false).out).toEqual({ k: false });
    expect(sanitize(['a', 'b']).out).toEqual({ k: ['a', 'b'] });
    expect(sanitize([1, 2.5, 3]).out).toEqual({ k: [1, 2.5, 3] });
    expect(sanitize([true, false]).out).toEqual({ k: [true, false] });
    expect(sanitize([]).out).toEqual({ k: [] });
    expect(sanitize('x').tally).toEqual(counters());
  });

  it('writes -0 as 0, which is what JSON carries', () => {
    expect(Object.is(sanitize(-0).out.k, 0)).toBe(true);
    expect(Object.is((sanitize([1, -0]).out.k as number[])[1], 0)).toBe(true);
  });

  it('drops null, undefined, functions and symbols, and counts them', () => {
    for (const value of [null, undefined, () => 1, Symbol('s')]) {
      const { out, tally } = sanitize(value);
      expect(out).toEqual({});
      expect(tally.attributesDropped).toBe(1);
    }
  });

  it('writes numbers JSON cannot carry as text', () => {
    expect(sanitize(Number.NaN).out).toEqual({ k: 'NaN' });
    expect(sanitize(Number.POSITIVE_INFINITY).out).toEqual({ k: 'Infinity' });
    const { out, tally } = sanitize(Number.NEGATIVE_INFINITY);
    expect(out).toEqual({ k: '-Infinity' });
    expect(tally.valuesStringified).toBe(1);
  });

  it('writes bigints, dates, bytes and errors as text', () => {
    expect(sanitize(2n ** 70n).out).toEqual({ k: '1180591620717411303424' });
    expect(sanitize(new Date(Date.UTC(2025, 0, 2))).out).toEqual({
      k: '2025-01-02T00:00:00.000Z',
    });
    expect(sanitize(new Uint8Array([222, 173])).out).toEqual({ k: 'dead' });
    expect(sanitize(new Error('boom')).out).toEqual({ k: '{"name":"Error","message":"boom"}' });
  });

  it('turns mixed, holed and non-finite arrays into JSON text', () => {
    expect(sanitize(['a', 1]).out).toEqual({ k: '["a",1]' });
    expect(sanitize(['a', null]).out).toEqual({ k: '["a",null]' });
    expect(sanitize([1, Number.NaN]).out).toEqual({ k: '[1,"NaN"]' });
    expect(sanitize([true, 'x', 3n]).out).toEqual({ k: '[true,"x","3"]' });
  });

  it('flattens objects into dotted keys, as AGL emitters do', () => {
    const { out, tally } = sanitize({ role: 'user', meta: { n: 1, tags: ['a'] } }, 'msg');
    expect(out).toEqual({ 'msg.role': 'user', 'msg.meta.n': 1, 'msg.meta.tags': ['a'] });
    expect(tally.attributesFlattened).toBe(1);
  });

  it('flattens arrays that hold objects or arrays by index', () => {
    expect(sanitize([{ a: 1 }, { a: 2 }]).out).toEqual({ 'k.0.a': 1, 'k.1.a': 2 });
    expect(sanitize([[1, 2], ['x']]).out).toEqual({ 'k.0': [1, 2], 'k.1': ['x'] });
    expect(sanitize([1, { a: null }, 'x']).out).toEqual({ 'k.0': 1, 'k.2': 'x' });
  });

  it('treats maps as objects and sets as arrays', () => {
    expect(sanitize(new Map<unknown, unknown>([[1, 'one']])).out).toEqual({ 'k.1': 'one' });
    expect(sanitize(new Set(['a', 'b'])).out).toEqual({ k: ['a', 'b'] });
  });

  it('drops empty objects and counts them', () => {
    const { out, tally } = sanitize({});
    expect(out).toEqual({});
    expect(tally.attributesDropped).toBe(1);
  });

  it('writes structures deeper than the flatten depth as JSON text', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: 1 } } } } } } } } } };
    const { out } = sanitize(deep);
    expect(out).toEqual({ 'k.a.b.c.d.e.f.g.h': '{"i":{"j":1}}' });
  });

  it('marks cycles instead of recursing forever', () => {
    const node: Record<string, unknown> = { name: 'n' };
    node.self = node;
    expect(sanitize(node).out).toEqual({ 'k.name': 'n', 'k.self': '[circular]' });
    const set = new Set<unknown>();
    set.add(set);
    expect(sanitize(set).out).toEqual({ 'k.0': '[circular]' });
  });

  it('writes objects with toJSON as their JSON text', () => {
    expect(sanitize({ toJSON: () => ({ v: 1 }) }).out).toEqual({ k: '{"v":1}' });
  });

  it('repairs lone surrogates in keys, values and array items', () => {
    const { out, tally } = sanitize({ 'a\uD800': ['ok', 'b\uDC00'] }, 'k\uD801');
    expect(out).toEqual({ 'k\uFFFD.a\uFFFD': ['ok', 'b\uFFFD'] });
    expect(tally.stringsRepaired).toBe(3);
  });

  it('stops when the sink is full and counts the refusal', () => {
    const { out, tally } = sanitize({ a: 1, b: 2, c: 3 }, 'k', 2);
    expect(out).toEqual({ 'k.a': 1, 'k.b': 2 });
    expect(tally.attributesDropped).toBe(1);
  });

  it('bounds the number of leaves one value can produce', () => {
    const wide = Object.fromEntries(
      Array.from({ length: MAX_LEAVES_PER_VALUE + 5 }, (_, i) => [`f${i}`, i]),
    );
    const { out, tally } = sanitize(wide);
    expect(Object.keys(out)).toHaveLength(MAX_LEAVES_PER_VALUE);
    expect(tally.attributesDropped).toBe(1);
  });

  it('survives revoked proxies and throwing getters', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => sanitize(proxy)).not.toThrow();
    const hostile = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(sanitize(hostile).out).toEqual({ 'k.x': '[unserializable]' });
  });
});

describe('coerceAttributeValue', () => {
  it('keeps primitives and homogeneous arrays, stringifies structures', () => {
    const tally = counters();
    expect(coerceAttributeValue('a', tally)).toBe('a');
    expect(coerceAttributeValue([1, 2], tally)).toEqual([1, 2]);
    expect(coerceAttributeValue({ a: 1 }, tally)).toBe('{"a":1}');
    expect(coerceAttributeValue(['a', 1], tally)).toBe('["a",1]');
    expect(coerceAttributeValue(null, tally)).toBeUndefined();
    expect(coerceAttributeValue(undefined, tally)).toBeUndefined();
  });
});
