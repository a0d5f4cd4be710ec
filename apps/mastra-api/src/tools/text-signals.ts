import type { Sentiment } from '@agl/post-analyzer';

export interface TextSignals {
  wordCount: number;
  questionCount: number;
  exclamationCount: number;
  emojiCount: number;
  /** Share of cased letters that are upper case, 0..1. */
  uppercaseRatio: number;
  /** Positive lexicon words found; a negated negative word appears as `not <word>`. */
  positiveTerms: string[];
  negativeTerms: string[];
  /** (positive − negative) / (positive + negative), 0 when neither occurs. */
  lexiconScore: number;
  sentimentHint: Sentiment;
}

const POSITIVE = new Set(
  (
    'love loved loving lovely great amazing awesome excellent fantastic happy glad thanks thank ' +
    'excited exciting wonderful best good nice beautiful brilliant proud congrats congratulations ' +
    'win wins won helpful fast easy recommend impressive enjoy enjoyed perfect incredible ' +
    'delighted fun cool solid smooth grateful favorite favourite welcome'
  ).split(' '),
);

const NEGATIVE = new Set(
  (
    'hate hated terrible awful worst bad broken slow angry disappointed disappointing annoying ' +
    'frustrating frustrated useless fail failed fails failure bug buggy crash crashed crashes ' +
    'scam ridiculous unacceptable sad poor horrible outage waste wrong lost problem overpriced ' +
    'rude ignored cancel cancelled canceled worse'
  ).split(' '),
);

const NEGATORS = new Set(
  "not no never don't doesn't didn't isn't wasn't aren't can't cannot won't hardly without".split(
    ' ',
  ),
);

const WORD_PATTERN = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
const EMOJI_PATTERN = /\p{Extended_Pictographic}/gu;
/** Below this absolute lexicon score, a post with both kinds of words counts as mixed. */
const MIXED_BELOW = 0.5;

/** Cheap lexical signals that help the model label sentiment and tone. Pure and deterministic. */
export function measureTextSignals(text: string): TextSignals {
  const normalized = text.replace(/[\u2018\u2019]/g, "'");
  const words = (normalized.match(WORD_PATTERN) ?? []).map((word) => word.toLowerCase());
  const positiveTerms: string[] = [];
  const negativeTerms: string[] = [];

  words.forEach((word, index) => {
    const polarity = POSITIVE.has(word) ? 1 : NEGATIVE.has(word) ? -1 : 0;
    if (polarity === 0) return;
    const negated = words.slice(Math.max(0, index - 2), index).some((w) => NEGATORS.has(w));
    const term = negated ? `not ${word}` : word;
    if (polarity > 0 !== negated) positiveTerms.push(term);
    else negativeTerms.push(term);
  });

  const letters = normalized.match(/[\p{Lu}\p{Ll}]/gu) ?? [];
  const upper = letters.filter((letter) => letter !== letter.toLowerCase()).length;
  const polar = positiveTerms.length + negativeTerms.length;
  const lexiconScore =
    polar === 0 ? 0 : round2((positiveTerms.length - negativeTerms.length) / polar);

  return {
    wordCount: words.length,
    questionCount: countMatches(normalized, /\?/g),
    exclamationCount: countMatches(normalized, /!/g),
    emojiCount: countMatches(normalized, EMOJI_PATTERN),
    uppercaseRatio: letters.length === 0 ? 0 : round2(upper / letters.length),
    positiveTerms,
    negativeTerms,
    lexiconScore,
    sentimentHint: sentimentHintFor(positiveTerms.length, negativeTerms.length, lexiconScore),
  };
}

function sentimentHintFor(positive: number, negative: number, score: number): Sentiment {
  if (positive === 0 && negative === 0) return 'neutral';
  if (positive > 0 && negative > 0 && Math.abs(score) < MIXED_BELOW) return 'mixed';
  return score > 0 ? 'positive' : 'negative';
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
