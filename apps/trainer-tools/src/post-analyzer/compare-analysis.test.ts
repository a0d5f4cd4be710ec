import { getDatasetPost } from '@agl/mastra-api/dataset';
import { describe, expect, it } from 'vitest';
import { compareAnalysis } from './compare-analysis.ts';

const { expected } = getDatasetPost('post-001'); // positive, announcement, high, [software release, developer tools]

describe('compareAnalysis', () => {
  it('gives 1 to an analysis that matches every label', () => {
    const answer = {
      sentiment: 'positive',
      tone: 'announcement',
      topics: ['software release', 'developer tools'],
      engagementPrediction: { level: 'high' },
    };
    expect(compareAnalysis(answer, expected)).toEqual({
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
    const score = compareAnalysis(answer, expected);
    // tone 0.25 + engagement 0.5 × 0.2 + topics F1(1/3, 1/2) = 0.4 × 0.25
    expect(score.value).toBeCloseTo(0.25 + 0.1 + 0.1, 4);
    expect(score.details).toBe(
      'sentiment wrong (neutral, expected positive); tone ok; engagement 0.5 (medium, expected high); topics 0.4 (expected software release, developer tools)',
    );
  });

  it('scores an answer of the wrong shape 0', () => {
    expect(compareAnalysis('text', expected).value).toBe(0);
    expect(compareAnalysis(null, expected).value).toBe(0);
  });
});
