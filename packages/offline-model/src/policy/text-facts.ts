import {
  NEGATION_REACH,
  NEGATIVE_WORDS,
  NEGATORS,
  POSITIVE_WORDS,
  STOPWORDS,
} from './sentiment-lexicon.ts';

export type SentimentLabel = 'positive' | 'negative' | 'neutral' | 'mixed';

export interface Sentiment {
  readonly label: SentimentLabel;
  /** (positive − negative) / (positive + negative), 0 when neither occurs: always in [−1, 1]. */
  readonly score: number;
  readonly positive: number;
  readonly negative: number;
}

/** What the offline model "understands" of a text: surface facts, found deterministically. */
export interface TextFacts {
  readonly words: readonly string[];
  readonly sentences: readonly string[];
  readonly numbers: readonly number[];
  readonly hashtags: readonly string[];
  readonly mentions: readonly string[];
  readonly urls: readonly string[];
  readonly emails: readonly string[];
  /** ISO dates (yyyy-mm-dd) written in the text. */
  readonly dates: readonly string[];
  /** Capitalised words that do not start a sentence: likely names and places. */
  readonly properNouns: readonly string[];
  /** Content words, most frequent first (ties: first seen first), lower-cased. */
  readonly keywords: readonly string[];
  readonly sentiment: Sentiment;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
const NUMBER = /(?<![\p{L}\p{N}.])-?\d+(?:\.\d+)?(?![\p{L}\d])/gu;
const HASHTAG = /(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
const MENTION = /(?<![\p{L}\p{N}_.])@[A-Za-z0-9_]{1,30}/gu;
const URL = /\bhttps?:\/\/[^\s<>"')\]]+/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const MAX_TEXT = 100_000;

export function extractFacts(input: string): TextFacts {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  const emails = unique(text.match(EMAIL) ?? []);
  const urls = unique((text.match(URL) ?? []).map((url) => url.replace(/[.,;:!?]+$/, '')));
  const withoutLinks = text.replace(URL, ' ').replace(EMAIL, ' ');
  const words = withoutLinks.match(WORD) ?? [];
  return {
    words,
    sentences: splitSentences(text),
    numbers: (withoutLinks.match(NUMBER) ?? []).map(Number).filter(Number.isFinite),
    hashtags: unique(withoutLinks.match(HASHTAG) ?? []),
    mentions: unique(withoutLinks.match(MENTION) ?? []),
    urls,
    emails,
    dates: unique(text.match(DATE) ?? []),
    properNouns: findProperNouns(withoutLinks),
    keywords: rankKeywords(words),
    sentiment: scoreSentiment(words),
  };
}

export function scoreSentiment(words: readonly string[]): Sentiment {
  let positive = 0;
  let negative = 0;
  let negatedUntil = -1;
  words.forEach((raw, index) => {
    const word = raw.toLowerCase().replaceAll('’', "'");
    if (NEGATORS.has(word) || word.endsWith("n't")) {
      negatedUntil = index + NEGATION_REACH;
      return;
    }
    const polarity = POSITIVE_WORDS.has(word) ? 1 : NEGATIVE_WORDS.has(word) ? -1 : 0;
    const flipped = index <= negatedUntil ? -polarity : polarity;
    if (flipped > 0) positive++;
    if (flipped < 0) negative++;
  });
  const total = positive + negative;
  const score = total === 0 ? 0 : (positive - negative) / total;
  const label: SentimentLabel =
    score > 0 ? 'positive' : score < 0 ? 'negative' : total > 0 ? 'mixed' : 'neutral';
  return { label, score, positive, negative };
}

function rankKeywords(words: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const raw of words) {
    const word = raw.toLowerCase().replace(/['’]s$/, '');
    if (word.length < 3 || STOPWORDS.has(word) || /^\d/.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Map iteration order is first-seen order, and the sort is stable.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

function findProperNouns(text: string): string[] {
  const found: string[] = [];
  for (const sentence of splitSentences(text)) {
    const words = sentence.match(WORD) ?? [];
    for (const word of words.slice(1)) {
      if (/^\p{Lu}\p{Ll}+$/u.test(word) && !STOPWORDS.has(word.toLowerCase())) found.push(word);
    }
  }
  return unique(found);
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
