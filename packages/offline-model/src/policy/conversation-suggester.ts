import { stableHash } from '../hash.ts';
import {
  type NumberRange,
  normalizeName,
  type ValueSlot,
  type ValueSuggester,
} from '../schema/generate-value.ts';
import { isRecord } from '../schema/json-schema.ts';
import type { ConversationContext } from './read-conversation.ts';
import type { SentimentLabel } from './text-facts.ts';

/**
 * The field-name rules that turn a conversation into values: a property called "text" gets the
 * user's text, "hashtags" the hashtags found in it, "sentiment" the lexicon's verdict, a plain
 * number the next number the user wrote, and a property a tool result already holds gets that
 * value. Rules match whole words of the property name ("postText" → post, text).
 */
export function conversationSuggester(context: ConversationContext, seed: string): ValueSuggester {
  const { facts, focusText } = context;
  const known = knownValues(context);
  let numberCursor = 0;

  const nextTextNumber = (range: NumberRange): number | undefined => {
    for (let index = numberCursor; index < facts.numbers.length; index++) {
      const value = facts.numbers[index] as number;
      if (value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) {
        continue;
      }
      numberCursor = index + 1;
      return value;
    }
    return undefined;
  };

  return {
    known: (slot) => known.get(slot.name) ?? [],

    enumChoice: (_slot, options) => {
      const strings = options.filter((option) => typeof option === 'string');
      const sentiment = pickSentiment(strings, facts.sentiment.label, facts.sentiment.score);
      if (sentiment !== undefined) return sentiment;
      return firstMentioned(strings, focusText) ?? firstMentioned(strings, toolText(context));
    },

    string: (slot) => stringFor(slot, context, seed),

    number: (slot, range) => {
      const words = wordSet(slot);
      const { sentiment } = facts;
      if (has(words, 'word') && !has(words, 'char', 'character', 'letter'))
        return facts.words.length;
      if (has(words, 'char', 'character', 'letter', 'length')) return [...focusText].length;
      if (has(words, 'hashtag')) return facts.hashtags.length;
      if (has(words, 'sentence')) return facts.sentences.length;
      if (has(words, 'keyword')) return facts.keywords.length;
      if (has(words, 'score', 'polarity', 'sentiment', 'valence')) {
        return scale((sentiment.score + 1) / 2, range, -1, 1);
      }
      if (has(words, 'confidence', 'probability', 'certainty', 'likelihood')) {
        const evidence = Math.min(1, (sentiment.positive + sentiment.negative) / 3);
        return scale(0.5 + 0.45 * evidence, range, 0, 1);
      }
      if (has(words, 'rating', 'star')) return scale((sentiment.score + 1) / 2, range, 1, 5);
      return nextTextNumber(range);
    },

    boolean: (slot) => {
      const words = wordSet(slot);
      if (has(words, 'positive', 'happy', 'good')) return facts.sentiment.score > 0;
      if (has(words, 'negative', 'bad', 'toxic', 'complaint')) return facts.sentiment.score < 0;
      if (has(words, 'question')) return focusText.includes('?');
      if (has(words, 'hashtag')) return facts.hashtags.length > 0;
      if (has(words, 'url', 'link')) return facts.urls.length > 0;
      if (has(words, 'mention')) return facts.mentions.length > 0;
      return undefined;
    },

    list: (slot) => {
      const words = wordSet(slot);
      if (has(words, 'hashtag', 'tag')) {
        return facts.hashtags.length > 0
          ? facts.hashtags
          : facts.keywords.slice(0, 3).map((keyword) => `#${keyword}`);
      }
      if (has(words, 'mention')) return facts.mentions;
      if (has(words, 'url', 'link')) return facts.urls;
      if (has(words, 'email')) return facts.emails;
      if (has(words, 'sentence')) return facts.sentences;
      if (has(words, 'number', 'value', 'operand')) return facts.numbers;
      if (has(words, 'word', 'token')) return facts.words.slice(0, 20);
      if (
        has(words, 'keyword', 'topic', 'theme', 'term', 'entity', 'subject', 'label', 'category')
      ) {
        return facts.keywords.slice(0, 5);
      }
      return undefined;
    },
  };
}

const TEXT_WORDS = [
  'text',
  'post',
  'content',
  'message',
  'body',
  'input',
  'query',
  'prompt',
  'caption',
  'tweet',
  'sentence',
  'question',
  'document',
  'draft',
  'comment',
  'review',
  'statement',
  'original',
  'passage',
  'paragraph',
  'transcript',
  'quote',
  'utterance',
  'request',
  'expression',
  'search',
];
const SUMMARY_WORDS = [
  'summary',
  'answer',
  'response',
  'reply',
  'output',
  'result',
  'explanation',
  'reason',
  'reasoning',
  'rationale',
  'description',
  'analysis',
  'feedback',
  'suggestion',
  'recommendation',
  'note',
  'conclusion',
  'verdict',
  'justification',
  'advice',
  'insight',
  'critique',
];
const TITLE_WORDS = [
  'title',
  'name',
  'topic',
  'subject',
  'keyword',
  'label',
  'category',
  'headline',
  'theme',
];
const PLACE_WORDS = [
  'city',
  'location',
  'country',
  'place',
  'region',
  'destination',
  'origin',
  'address',
  'town',
  'where',
  'venue',
];

function stringFor(
  slot: ValueSlot,
  context: ConversationContext,
  seed: string,
): string | undefined {
  const { facts, focusText } = context;
  const words = wordSet(slot);
  const last = slot.words[slot.words.length - 1];
  if (last === 'id' || last === 'ids' || last === 'uuid') {
    return `${slot.name.replace(/ids?$|uuid$/, '') || 'item'}_${stableHash(`${seed}|${slot.path}`, 12)}`;
  }
  if (has(words, 'email', 'mail')) return facts.emails[0] ?? 'offline@example.com';
  if (has(words, 'url', 'uri', 'link', 'href', 'website', 'homepage')) {
    return facts.urls[0] ?? `https://example.com/${facts.keywords[0] ?? 'item'}`;
  }
  if (has(words, 'hashtag', 'tag'))
    return facts.hashtags[0] ?? `#${facts.keywords[0] ?? 'offline'}`;
  if (has(words, 'mention', 'handle', 'username')) {
    return facts.mentions[0] ?? `@${facts.keywords[0] ?? 'offline'}`;
  }
  if (has(words, 'date', 'day', 'deadline')) return facts.dates[0] ?? '2025-01-01';
  if (has(words, 'language', 'lang', 'locale')) return 'en';
  if (has(words, 'sentiment', 'tone', 'mood', 'emotion', 'feeling', 'polarity')) {
    return facts.sentiment.label;
  }
  if (has(words, ...PLACE_WORDS)) return facts.properNouns[0] ?? facts.keywords[0];
  if (has(words, ...TEXT_WORDS)) return focusText;
  if (has(words, ...SUMMARY_WORDS)) return summarySentence(context);
  if (has(words, ...TITLE_WORDS)) return titleFrom(facts.keywords) ?? focusText.slice(0, 60);
  return titleFrom(facts.keywords)?.toLowerCase() ?? (focusText || undefined);
}

/** One sentence restating the request and what the tools returned. */
export function summarySentence(context: ConversationContext): string {
  const { facts, focusText, toolResults } = context;
  const parts: string[] = [];
  if (focusText !== '') parts.push(`About "${clip(focusText, 120)}"`);
  if (facts.keywords.length > 0) parts.push(`key terms: ${facts.keywords.slice(0, 5).join(', ')}`);
  if (facts.hashtags.length > 0) parts.push(`hashtags: ${facts.hashtags.join(' ')}`);
  parts.push(`sentiment: ${facts.sentiment.label}`);
  for (const result of toolResults.slice(0, 4)) {
    parts.push(`${result.name || 'tool'} returned ${clip(result.text, 80)}`);
  }
  return `${parts.join('; ')}.`;
}

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function titleFrom(keywords: readonly string[]): string | undefined {
  if (keywords.length === 0) return undefined;
  return keywords
    .slice(0, 3)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function pickSentiment(
  options: string[],
  label: SentimentLabel,
  score: number,
): string | undefined {
  const byLabel = new Map(options.map((option) => [option.toLowerCase(), option]));
  const labels = ['positive', 'negative', 'neutral', 'mixed'].filter((name) => byLabel.has(name));
  if (labels.length < 2) return undefined;
  const preference: string[] =
    label === 'mixed'
      ? ['mixed', 'neutral']
      : label === 'neutral'
        ? ['neutral', 'mixed']
        : [label, score > 0 ? 'positive' : 'negative'];
  preference.push(score >= 0 ? 'positive' : 'negative', 'neutral', 'negative');
  for (const name of preference) {
    const option = byLabel.get(name);
    if (option !== undefined) return option;
  }
  return undefined;
}

/** The option the text mentions first (as a whole word, any case). */
function firstMentioned(options: string[], text: string): string | undefined {
  const lower = text.toLowerCase();
  let best: { option: string; at: number } | undefined;
  for (const option of options) {
    if (option.trim() === '') continue;
    const escaped = option.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = lower.search(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'));
    if (at >= 0 && (best === undefined || at < best.at)) best = { option, at };
  }
  return best?.option;
}

function toolText(context: ConversationContext): string {
  return context.toolResults.map((result) => result.text).join('\n');
}

/** Values tool results hold, by normalised key (and whole results by tool name). */
function knownValues(context: ConversationContext): Map<string, unknown[]> {
  const known = new Map<string, unknown[]>();
  const add = (key: string, value: unknown) => {
    const name = normalizeName(key);
    if (name === '') return;
    const list = known.get(name) ?? [];
    if (list.length < 8) list.push(value);
    known.set(name, list);
  };
  let budget = 2_000;
  const walk = (value: unknown, depth: number) => {
    if (depth > 8 || budget-- <= 0) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        add(key, child);
        walk(child, depth + 1);
      }
    }
  };
  for (const result of context.toolResults) {
    if (result.value === undefined) continue;
    if (result.name !== '') add(result.name, result.value);
    walk(result.value, 0);
  }
  return known;
}

function wordSet(slot: ValueSlot): Set<string> {
  const words = new Set<string>();
  for (const word of slot.words) {
    words.add(word);
    words.add(singular(word));
  }
  words.add(slot.name);
  words.add(singular(slot.name));
  return words;
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ses') || word.endsWith('xes')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

function has(words: Set<string>, ...candidates: string[]): boolean {
  return candidates.some((candidate) => words.has(candidate));
}

/** Maps `unit` in [0, 1] into the slot's range, or into [fallbackMin, fallbackMax] when open. */
function scale(unit: number, range: NumberRange, fallbackMin: number, fallbackMax: number): number {
  const min = Number.isFinite(range.min) ? range.min : Math.min(fallbackMin, range.max);
  const max = Number.isFinite(range.max) ? range.max : Math.max(fallbackMax, min);
  const value = min + unit * (max - min);
  return range.integer ? Math.round(value) : Number(value.toFixed(4));
}
