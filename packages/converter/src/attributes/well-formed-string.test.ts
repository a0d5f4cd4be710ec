import { describe, expect, it } from 'vitest';
import { isWellFormed, toWellFormed } from './well-formed-string.ts';

describe('toWellFormed', () => {
  it('returns well-formed text unchanged, including surrogate pairs', () => {
    const text = 'plain ascii, accents éà, emoji 😀, CJK 漢字';
    expect(toWellFormed(text)).toBe(text);
    expect(isWellFormed(text)).toBe(true);
  });

  it('replaces lone high and low surrogates with U+FFFD', () => {
    expect(toWellFormed('a\uD800b')).toBe('a\uFFFDb');
    expect(toWellFormed('\uDC00end')).toBe('\uFFFDend');
    expect(toWellFormed('x\uD83D')).toBe('x\uFFFD');
    expect(isWellFormed('a\uD800b')).toBe(false);
  });

  it('keeps a valid pair next to a lone surrogate', () => {
    expect(toWellFormed('\uD83D\uDE00\uD83D')).toBe('😀\uFFFD');
  });

  it('produces text that survives a UTF-8 round trip', () => {
    const repaired = toWellFormed('bad \uDFFF and \uD800\uD800 good');
    expect(Buffer.from(repaired, 'utf8').toString('utf8')).toBe(repaired);
  });
});
