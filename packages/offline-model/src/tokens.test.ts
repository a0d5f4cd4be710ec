import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTokens, splitAtTokenBoundaries, tokenId, tokenIds, tokenize } from './tokens.ts';

describe('tokenize', () => {
  it('splits words, numbers and punctuation', () => {
    expect(tokenize('Hello, world! 42 #launch_day ok?')).toEqual([
      'Hello',
      ',',
      'world',
      '!',
      '42',
      '#',
      'launch_day',
      'ok',
      '?',
    ]);
    expect(tokenize('  ')).toEqual([]);
    expect(countTokens('{"a":1}')).toBe(7);
  });

  it('handles non-Latin scripts', () => {
    expect(tokenize('café 日本語')).toEqual(['café', '日本語']);
  });
});

describe('tokenId', () => {
  it('is stable and distinct for distinct tokens', () => {
    expect(tokenId('hello')).toBe(tokenId('hello'));
    expect(tokenId('hello')).not.toBe(tokenId('Hello'));
    expect(tokenIds('a b a')).toEqual([tokenId('a'), tokenId('b'), tokenId('a')]);
    for (const id of tokenIds('the quick brown fox')) {
      expect(Number.isInteger(id) && id >= 1000 && id < 101_000).toBe(true);
    }
  });
});

describe('splitAtTokenBoundaries', () => {
  it('cuts between tokens and keeps whitespace with the next piece', () => {
    expect(splitAtTokenBoundaries('one two three four five', 2)).toEqual([
      'one two',
      ' three four',
      ' five',
    ]);
    expect(splitAtTokenBoundaries('{"a":1}', 3)).toEqual(['{"a', '":1', '}']);
    expect(splitAtTokenBoundaries('', 3)).toEqual(['']);
  });

  it('keeps the text and its tokens for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 1, max: 6 }),
        (text, size) => {
          const pieces = splitAtTokenBoundaries(text, size);
          expect(pieces.join('')).toBe(text);
          expect(pieces.flatMap(tokenize)).toEqual(tokenize(text));
          for (const piece of pieces) expect(tokenize(piece).length).toBeLessThanOrEqual(size);
        },
      ),
    );
  });
});
