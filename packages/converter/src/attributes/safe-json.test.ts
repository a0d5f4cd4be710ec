import { describe, expect, it } from 'vitest';
import { bytesToHex, safeJsonStringify } from './safe-json.ts';

describe('safeJsonStringify', () => {
  it('writes plain JSON values as JSON.stringify does', () => {
    const value = { a: 1, b: 'two', c: [true, null, 2.5], d: { e: 'f' } };
    expect(safeJsonStringify(value)).toBe(JSON.stringify(value));
  });

  it('spells out the numbers JSON cannot carry', () => {
    expect(
      safeJsonStringify([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]),
    ).toBe('["NaN","Infinity","-Infinity"]');
  });

  it('writes bigints as decimal strings and bytes as hex', () => {
    expect(safeJsonStringify({ n: 12345678901234567890n })).toBe('{"n":"12345678901234567890"}');
    expect(safeJsonStringify(new Uint8Array([0, 15, 255]))).toBe('"000fff"');
    expect(bytesToHex(new Uint8Array([1, 171]))).toBe('01ab');
  });

  it('marks cycles instead of overflowing the stack', () => {
    const node: Record<string, unknown> = { name: 'loop' };
    node.self = node;
    expect(safeJsonStringify(node)).toBe('{"name":"loop","self":"[circular]"}');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(safeJsonStringify([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });

  it('stops at the depth limit', () => {
    expect(safeJsonStringify({ a: { b: { c: 1 } } }, 2)).toBe('{"a":{"b":"[depth limit]"}}');
  });

  it('survives throwing getters and toJSON', () => {
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(safeJsonStringify(getter)).toBe('{"boom":"[unserializable]"}');
    expect(
      safeJsonStringify({
        toJSON() {
          throw new Error('no');
        },
      }),
    ).toBe('"[unserializable]"');
  });

  it('handles dates, maps, sets, errors and functions', () => {
    expect(safeJsonStringify(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(safeJsonStringify(new Date(Number.NaN))).toBe('"Invalid Date"');
    expect(safeJsonStringify(new Map([[1, 'a']]))).toBe('{"1":"a"}');
    expect(safeJsonStringify(new Set(['a', 'b']))).toBe('["a","b"]');
    expect(safeJsonStringify(new TypeError('bad'))).toBe('{"name":"TypeError","message":"bad"}');
    expect(safeJsonStringify({ f: () => 1, s: Symbol('s'), u: undefined, k: 1 })).toBe('{"k":1}');
    expect(safeJsonStringify([() => 1, undefined])).toBe('[null,null]');
    expect(safeJsonStringify(undefined)).toBe('null');
  });

  it('repairs lone surrogates in keys and values', () => {
    expect(safeJsonStringify({ 'k\uD800': 'v\uDC00' })).toBe('{"k\uFFFD":"v\uFFFD"}');
  });
});
