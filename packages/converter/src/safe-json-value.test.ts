import { describe, expect, it } from 'vitest';
import { isWellFormed } from './attributes/well-formed-string.ts';
import { toSafeJsonValue } from './safe-json-value.ts';

describe('toSafeJsonValue', () => {
  it('repairs lone surrogates in strings and keys, deep inside structures', () => {
    const safe = toSafeJsonValue({
      postId: 'p\ud800',
      ['k\udc00']: ['x\ud800y', { deep: '\udfff' }],
    });
    expect(safe).toEqual({ postId: 'p\uFFFD', 'k\uFFFD': ['x\uFFFDy', { deep: '\uFFFD' }] });
    expect(isWellFormed(JSON.stringify(safe))).toBe(true);
  });

  it('cuts long strings with a visible marker and keeps short ones as they are', () => {
    const safe = toSafeJsonValue({ long: 'a'.repeat(100), short: 'ok' }, 10) as Record<
      string,
      string
    >;
    expect(safe.short).toBe('ok');
    expect(safe.long).toMatch(/^a{10}…\[truncated 90 characters\]$/);
  });

  it('turns values JSON cannot hold into text or leaves them out, and survives cycles', () => {
    const cyclic: Record<string, unknown> = { n: Number.NaN, big: 12n, fn: () => 1 };
    cyclic.self = cyclic;
    expect(toSafeJsonValue(cyclic)).toEqual({ n: 'NaN', big: '12', self: '[circular]' });
    expect(toSafeJsonValue(undefined)).toBeNull();
    expect(toSafeJsonValue('plain')).toBe('plain');
  });

  it('keeps a "__proto__" key from parsed JSON as data, not as a prototype', () => {
    const input = JSON.parse('{"postId":"p1","__proto__":{"injected":true}}');
    const safe = toSafeJsonValue(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(JSON.stringify(safe)).toBe('{"postId":"p1","__proto__":{"injected":true}}');
  });
});
