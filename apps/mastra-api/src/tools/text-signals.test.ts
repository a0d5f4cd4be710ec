import { describe, expect, it } from 'vitest';
import { measureTextSignals } from './text-signals.ts';

describe('measureTextSignals', () => {
  it('counts words, punctuation and emoji', () => {
    const signals = measureTextSignals('Is this real?? Wow! 🎉🎉 OK');
    expect(signals).toMatchObject({
      wordCount: 5,
      questionCount: 2,
      exclamationCount: 1,
      emojiCount: 2,
    });
  });

  it('labels clearly positive and clearly negative text', () => {
    expect(measureTextSignals('Love the new release, great work and thanks!')).toMatchObject({
      positiveTerms: ['love', 'great', 'thanks'],
      negativeTerms: [],
      lexiconScore: 1,
      sentimentHint: 'positive',
    });
    expect(measureTextSignals('The app crashed again. Worst update ever.')).toMatchObject({
      negativeTerms: ['crashed', 'worst'],
      lexiconScore: -1,
      sentimentHint: 'negative',
    });
  });

  it('flips words that follow a negator, including curly apostrophes', () => {
    const signals = measureTextSignals('This is not good. It isn’t broken either.');
    expect(signals.negativeTerms).toEqual(['not good']);
    expect(signals.positiveTerms).toEqual(['not broken']);
    expect(signals.sentimentHint).toBe('mixed');
  });

  it('calls balanced text mixed and lexicon-free text neutral', () => {
    expect(measureTextSignals('Great camera, terrible battery.').sentimentHint).toBe('mixed');
    expect(measureTextSignals('The meeting is at 3pm in room 4.')).toMatchObject({
      sentimentHint: 'neutral',
      lexiconScore: 0,
    });
  });

  it('lets a clear majority win over a single opposite word', () => {
    const signals = measureTextSignals('Great, amazing, excellent support even with one bug');
    expect(signals.lexiconScore).toBe(0.5);
    expect(signals.sentimentHint).toBe('positive');
  });

  it('measures shouting as the upper-case share of letters', () => {
    expect(measureTextSignals('WHY IS IT DOWN').uppercaseRatio).toBe(1);
    expect(measureTextSignals('Hello').uppercaseRatio).toBe(0.2);
    expect(measureTextSignals('123 🎉').uppercaseRatio).toBe(0);
  });
});
