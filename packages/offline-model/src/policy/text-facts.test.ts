import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFacts, scoreSentiment } from './text-facts.ts';

describe('extractFacts', () => {
  const facts = extractFacts(
    'Loving the new release from @acme! #launch #DevTools. We shipped 3 features in 2.5 weeks, ' +
      'see https://example.com/notes. Mail ops@example.com by 2025-06-01. Thanks, Berlin team.',
  );

  it('finds hashtags, mentions, urls, emails and dates', () => {
    expect(facts.hashtags).toEqual(['#launch', '#DevTools']);
    expect(facts.mentions).toEqual(['@acme']);
    expect(facts.urls).toEqual(['https://example.com/notes']);
    expect(facts.emails).toEqual(['ops@example.com']);
    expect(facts.dates).toEqual(['2025-06-01']);
  });

  it('finds numbers outside words, links and dates', () => {
    expect(facts.numbers.slice(0, 2)).toEqual([3, 2.5]);
    expect(extractFacts('add -4 and 10, not v2 or a1b').numbers).toEqual([-4, 10]);
  });

  it('ranks keywords by frequency, skipping stopwords and numbers', () => {
    const { keywords } = extractFacts('Cats and dogs. Cats sleep; dogs bark. Cats purr.');
    expect(keywords.slice(0, 3)).toEqual(['cats', 'dogs', 'sleep']);
    expect(keywords).not.toContain('and');
  });

  it('finds proper nouns that do not start a sentence', () => {
    expect(extractFacts('What is the weather in Paris and Rome? Lovely day.').properNouns).toEqual([
      'Paris',
      'Rome',
    ]);
  });

  it('splits sentences', () => {
    expect(extractFacts('One. Two!\nThree? Four').sentences).toEqual([
      'One.',
      'Two!',
      'Three?',
      'Four',
    ]);
  });

  it('never throws and stays bounded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const result = extractFacts(text);
        expect(result.sentiment.score).toBeGreaterThanOrEqual(-1);
        expect(result.sentiment.score).toBeLessThanOrEqual(1);
      }),
    );
    expect(extractFacts('word '.repeat(50_000)).words.length).toBeLessThanOrEqual(20_000);
  });
});

describe('scoreSentiment', () => {
  const label = (text: string) => scoreSentiment(text.split(/\s+/)).label;

  it('labels positive, negative, mixed and neutral text', () => {
    expect(label('I love this great product')).toBe('positive');
    expect(label('terrible and slow, I hate it')).toBe('negative');
    expect(label('great idea but terrible execution')).toBe('mixed');
    expect(label('the meeting is on Tuesday')).toBe('neutral');
  });

  it('flips words after a negator', () => {
    expect(label('this is not good')).toBe('negative');
    expect(label("it isn't bad at all")).toBe('positive');
    expect(label('not really very good')).toBe('positive');
  });

  it('scores in [-1, 1]', () => {
    expect(scoreSentiment(['good', 'good', 'bad']).score).toBeCloseTo(1 / 3);
    expect(scoreSentiment([]).score).toBe(0);
  });
});
