import { describe, expect, it } from 'vitest';
import type { PostAnalysis } from '../analysis-schema.ts';
import { getDatasetPost } from './posts.ts';
import { scorePostAnalysis } from './score-analysis.ts';

const { expected } = getDatasetPost('post-001'); // positive, announcement, high, [software release, developer tools]

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
    const answer = {
      sentiment: 'positive',
      tone: 'announcement',
      topics: ['software release', 'developer tools'],
      engagementPrediction: { level: 'high' },
    };
    expect(scorePostAnalysis(answer, expected)).toEqual({
      value: 1,
      details: 'sentiment ok; tone ok; engagement ok; topics ok',
    });
  });

  it('weights the labels and explains the misses', () => {
    const answer = {
      sentiment: 'neutral',
      tone: 'announcement',
      topics: ['release', 'analyze', 'post'],
      engagementPrediction: { level: 'medium' },
    };
    const score = scorePostAnalysis(answer, expected);
    // tone 0.25 + engagement 0.5 × 0.2 + topics F1(1/3, 1/2) = 0.4 × 0.25
    expect(score.value).toBeCloseTo(0.25 + 0.1 + 0.1, 4);
    expect(score.details).toBe(
      'sentiment wrong (neutral, expected positive); tone ok; engagement 0.5 (medium, expected high); topics 0.4 (expected software release, developer tools)',
    );
  });

  it('scores an answer of the wrong shape 0', () => {
    expect(scorePostAnalysis('text', expected).value).toBe(0);
    expect(scorePostAnalysis(null, expected).value).toBe(0);
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
