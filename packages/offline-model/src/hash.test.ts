import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { hashToIndex, hashToUnit, stableHash } from './hash.ts';

describe('stableHash', () => {
  it('is a pure function of its input', () => {
    expect(stableHash('hello')).toBe(stableHash('hello'));
    expect(stableHash('hello')).not.toBe(stableHash('hello!'));
    expect(stableHash('hello')).toMatch(/^[0-9a-f]{24}$/);
    expect(stableHash('hello', 8)).toHaveLength(8);
  });
});

describe('hashToUnit / hashToIndex', () => {
  it('stays within range', () => {
    for (let i = 0; i < 200; i++) {
      const unit = hashToUnit(`seed-${i}`);
      expect(unit).toBeGreaterThanOrEqual(0);
      expect(unit).toBeLessThan(1);
      const index = hashToIndex(`seed-${i}`, 7);
      expect(Number.isInteger(index) && index >= 0 && index < 7).toBe(true);
    }
  });

  it('spreads values over the range', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) seen.add(hashToIndex(`x${i}`, 4));
    expect(seen.size).toBe(4);
  });

  it('returns 0 for an empty range', () => {
    expect(hashToIndex('x', 0)).toBe(0);
    expect(hashToIndex('x', Number.NaN)).toBe(0);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('turns values JSON cannot hold into null', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([Number.NaN, Infinity, 1n])).toBe('[null,null,null]');
  });
});
