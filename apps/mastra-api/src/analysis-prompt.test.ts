import { describe, expect, it } from 'vitest';
import { buildAnalysisPrompt } from './analysis-prompt.ts';

describe('buildAnalysisPrompt', () => {
  it('embeds the post as JSON with every field', () => {
    const prompt = buildAnalysisPrompt({
      text: 'Hello "world"\nsecond line',
      author: { handle: '@ana', followers: 10 },
      metrics: { likes: 1, shares: 2, replies: 3, impressions: 400 },
      platform: 'bluesky',
    });
    const json = JSON.parse(prompt.slice(prompt.indexOf('{')));
    expect(json).toEqual({
      platform: 'bluesky',
      author: { handle: '@ana', followers: 10 },
      metrics: { likes: 1, shares: 2, replies: 3, impressions: 400 },
      text: 'Hello "world"\nsecond line',
    });
    expect(Object.keys(json)).toEqual(['platform', 'metrics', 'author', 'text']);
  });

  it('marks a missing platform and leaves out missing metrics', () => {
    const prompt = buildAnalysisPrompt({ text: 'hi', author: { handle: 'bo' } });
    const json = JSON.parse(prompt.slice(prompt.indexOf('{')));
    expect(json).toEqual({ platform: 'unknown', author: { handle: 'bo' }, text: 'hi' });
  });
});
