import { describe, expect, it } from 'vitest';
import type { PostAnalysis } from '../analysis-schema.ts';
import { getDatasetPost } from '../dataset/posts.ts';
import { scorePostAnalysis } from './post-reward.ts';

const { expected } = getDatasetPost('post-001');
const perfect: PostAnalysis = {
  sentiment: expected.sentiment,
  sentimentScore: 0.8,
  topics: [...expected.topics],
  tone: expected.tone,
  engagementPrediction: { level: expected.engagementLevel, score: 80, rationale: 'r' },
  suggestedReply: 'Congrats!',
  hashtags: [],
  mentions: [],
};

describe('scorePostAnalysis', () => {
  it('gives 1 to an analysis that matches every label', () => {
    expect(scorePostAnalysis(perfect, expected)).toEqual({
      value: 1,
      details: 'sentiment ok; tone ok; engagement ok; topics ok',
    });
  });

  it('takes off each label’s weight, with partial credit for a near engagement level', () => {
    const wrong = { ...perfect, sentiment: 'negative' as const, tone: 'humorous' as const };
    expect(scorePostAnalysis(wrong, expected).value).toBe(0.45);
    const near = {
      ...perfect,
      engagementPrediction: { ...perfect.engagementPrediction, level: 'medium' as const },
    };
    const score = scorePostAnalysis(near, expected);
    expect(score.value).toBe(0.9);
    expect(score.details).toContain('engagement 0.5 (medium, expected high)');
    expect(scorePostAnalysis({ ...perfect, topics: ['cooking'] }, expected).value).toBe(0.75);
  });
});
