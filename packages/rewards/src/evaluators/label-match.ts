import type { Score } from '../types.ts';

/** One compared field of a structured answer. */
export interface FieldScore {
  name: string;
  weight: number;
  /** From 0 to 1. */
  value: number;
  /** Shown when the field is not a full match, e.g. `humorous, expected announcement`. */
  note?: string;
}

/** 1 when the labels are equal (ignoring case and surrounding spaces), else 0. */
export function exactLabel(actual: unknown, expected: string): number {
  return typeof actual === 'string' && normalize(actual) === normalize(expected) ? 1 : 0;
}

/**
 * For ordered labels (low < medium < high): 1 for the expected label, less the further away the
 * answer is (`1 - distance / (levels - 1)`); 0 for a label outside `levels`.
 */
export function ordinalLabel(actual: unknown, expected: string, levels: readonly string[]): number {
  if (typeof actual !== 'string') return 0;
  const at = levels.indexOf(normalize(actual));
  const want = levels.indexOf(normalize(expected));
  if (at < 0 || want < 0) return 0;
  if (levels.length === 1) return 1;
  return 1 - Math.abs(at - want) / (levels.length - 1);
}

/**
 * F1 of two topic lists, where a predicted topic matches an expected one when they share a word
 * (`software release` matches `release`; plurals count as the singular). 1 when both are empty.
 */
export function topicOverlap(predicted: unknown, expected: readonly string[]): number {
  const answer = Array.isArray(predicted)
    ? predicted.filter((topic): topic is string => typeof topic === 'string' && topic.trim() !== '')
    : [];
  if (answer.length === 0 && expected.length === 0) return 1;
  if (answer.length === 0 || expected.length === 0) return 0;
  const answerWords = answer.map(words);
  const expectedWords = expected.map(words);
  const shares = (a: Set<string>, b: Set<string>) => [...a].some((word) => b.has(word));
  const precision = answerWords.filter((a) => expectedWords.some((b) => shares(a, b))).length;
  const recall = expectedWords.filter((b) => answerWords.some((a) => shares(a, b))).length;
  const p = precision / answer.length;
  const r = recall / expected.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** The weighted mean of the fields, with a note for each field that is not a full match. */
export function combineFields(fields: readonly FieldScore[]): Score {
  const total = fields.reduce((sum, field) => sum + field.weight, 0);
  const value =
    total === 0 ? 0 : fields.reduce((sum, field) => sum + field.value * field.weight, 0) / total;
  const details = fields
    .map((field) => {
      if (field.value === 1) return `${field.name} ok`;
      const amount = field.value === 0 ? 'wrong' : round(field.value).toString();
      return `${field.name} ${amount}${field.note ? ` (${field.note})` : ''}`;
    })
    .join('; ');
  return { value: round(value), details };
}

function normalize(label: string): string {
  return label.trim().toLowerCase();
}

function words(topic: string): Set<string> {
  return new Set(
    topic
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1)
      .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word)),
  );
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
