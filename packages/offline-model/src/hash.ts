import { createHash } from 'node:crypto';

/** Hex digest of `text` (SHA-256, cut to `length` characters): the root of every id we mint. */
export function stableHash(text: string, length = 24): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** A number in [0, 1) derived from `text`; the same text always gives the same number. */
export function hashToUnit(text: string): number {
  // 13 hex digits = 52 bits, exactly representable in a double.
  return Number.parseInt(stableHash(text, 13), 16) / 2 ** 52;
}

/** A whole number in [0, modulo) derived from `text`. */
export function hashToIndex(text: string, modulo: number): number {
  if (!(modulo >= 1)) return 0;
  return Math.floor(hashToUnit(text) * Math.floor(modulo));
}
