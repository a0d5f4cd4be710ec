import { stableHash } from './hash.ts';

/**
 * The offline model's toy tokenizer: a token is a run of letters/digits or a single other
 * non-space character. Whitespace only separates tokens, so cutting a text between two tokens
 * never changes how either side tokenizes.
 */
const TOKEN = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

/** Ids start above the range real tokenizers reserve for bytes and specials. */
const FIRST_TOKEN_ID = 1000;
const VOCABULARY_SIZE = 100_000;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function countTokens(text: string): number {
  return tokenize(text).length;
}

/** A fake but stable token id: the same token always maps to the same id. */
export function tokenId(token: string): number {
  return FIRST_TOKEN_ID + (Number.parseInt(stableHash(token, 8), 16) % VOCABULARY_SIZE);
}

export function tokenIds(text: string): number[] {
  return tokenize(text).map(tokenId);
}

/**
 * Cuts `text` into pieces of at most `tokensPerPiece` tokens each, cutting only between tokens
 * (whitespace goes with the following piece). Joining the pieces gives back `text`, and the
 * pieces' tokens, in order, are exactly the tokens of `text`.
 */
export function splitAtTokenBoundaries(text: string, tokensPerPiece: number): string[] {
  const size = Math.max(1, Math.floor(tokensPerPiece));
  const cuts: number[] = [];
  let index = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (index > 0 && index % size === 0) cuts.push(precedingWhitespaceStart(text, match.index));
    index++;
  }
  const pieces: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function precedingWhitespaceStart(text: string, tokenStart: number): number {
  let start = tokenStart;
  while (start > 0 && /\s/u.test(text[start - 1] ?? '')) start--;
  return start;
}
