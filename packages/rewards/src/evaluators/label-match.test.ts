import { describe, expect, it } from 'vitest';
import { combineFields, exactLabel, ordinalLabel, topicOverlap } from './label-match.ts';

describe('exactLabel', () => {
  it('ignores case and spaces, and gives 0 to anything else', () => {
    expect(exactLabel(' Positive', 'positive')).toBe(1);
    expect(exactLabel('negative', 'positive')).toBe(0);
    expect(exactLabel(3, 'positive')).toBe(0);
  });
});

describe('ordinalLabel', () => {
  const levels = ['low', 'medium', 'high'];
  it('gives partial credit by distance', () => {
    expect(ordinalLabel('high', 'high', levels)).toBe(1);
    expect(ordinalLabel('medium', 'high', levels)).toBe(0.5);
    expect(ordinalLabel('low', 'high', levels)).toBe(0);
    expect(ordinalLabel('extreme', 'high', levels)).toBe(0);
    expect(ordinalLabel(undefined, 'high', levels)).toBe(0);
  });
});

describe('topicOverlap', () => {
  it('matches topics that share a word, singular or plural', () => {
    expect(topicOverlap(['software release', 'developer tools'], ['release', 'tool'])).toBe(1);
    // precision 1/4, recall 1/2
    expect(topicOverlap(['release', 'post', 'platform', 'x'], ['software release', 'dev'])).toBe(
      (2 * 0.25 * 0.5) / 0.75,
    );
    expect(topicOverlap(['cooking'], ['database replication'])).toBe(0);
  });

  it('treats empty lists and non-lists sensibly', () => {
    expect(topicOverlap([], [])).toBe(1);
    expect(topicOverlap('release', ['release'])).toBe(0);
    expect(topicOverlap(['release'], [])).toBe(0);
  });
});

describe('combineFields', () => {
  it('weights the fields and explains the misses', () => {
    expect(
      combineFields([
        { name: 'sentiment', weight: 3, value: 1 },
        { name: 'tone', weight: 1, value: 0, note: 'humorous, expected announcement' },
        { name: 'topics', weight: 1, value: 0.5 },
      ]),
    ).toEqual({
      value: 0.7,
      details: 'sentiment ok; tone wrong (humorous, expected announcement); topics 0.5',
    });
  });
});
