// In unicode mode a surrogate pair is one code point, so this matches only lone surrogates.
const LONE_SURROGATE = /\p{Surrogate}/gu;

/** Replaces lone UTF-16 surrogates (which cannot be encoded as UTF-8) with U+FFFD. */
export function toWellFormed(text: string): string {
  LONE_SURROGATE.lastIndex = 0;
  if (!LONE_SURROGATE.test(text)) return text;
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** True when `text` holds no lone surrogate. */
export function isWellFormed(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return !LONE_SURROGATE.test(text);
}
