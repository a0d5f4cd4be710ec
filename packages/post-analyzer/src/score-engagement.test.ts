import { describe, expect, it } from 'vitest';
import { engagementLevelFor, scoreEngagement } from './score-engagement.ts';

describe('scoreEngagement', () => {
  it('uses impressions as the reach when they are given', () => {
    const score = scoreEngagement({
      metrics: { likes: 30, shares: 5, replies: 5, impressions: 1000 },
      followers: 100_000,
    });
    expect(score).toEqual({
      engagementRate: 0.04,
      interactions: 40,
      score: 63,
      level: 'medium',
      basis: 'impressions',
      rationale: '40 interactions on 1,000 impressions is a 4% engagement rate.',
    });
  });

  it('falls back to followers when impressions are missing or zero', () => {
    const score = scoreEngagement({
      metrics: { likes: 90, shares: 5, replies: 5, impressions: 0 },
      followers: 1000,
    });
    expect(score.basis).toBe('followers');
    expect(score.engagementRate).toBe(0.1);
    expect(score.score).toBe(100);
    expect(score.level).toBe('high');
  });

  it('saturates at a 10% rate and never exceeds 100', () => {
    const score = scoreEngagement({
      metrics: { likes: 500, shares: 0, replies: 0, impressions: 10 },
    });
    expect(score.engagementRate).toBe(50);
    expect(score.score).toBe(100);
  });

  it('judges absolute interactions when there is no reach figure', () => {
    const score = scoreEngagement({ metrics: { likes: 99, shares: 0, replies: 0 } });
    expect(score).toMatchObject({ basis: 'interactions', engagementRate: null, interactions: 99 });
    expect(score.score).toBe(40);
    expect(score.level).toBe('medium');
  });

  it('predicts from the audience size without metrics', () => {
    expect(scoreEngagement({ followers: 999_999 })).toMatchObject({
      basis: 'audience',
      score: 72,
      level: 'high',
      interactions: null,
    });
    expect(scoreEngagement({ followers: 99 }).level).toBe('low');
  });

  it('says so when there is nothing to go on', () => {
    expect(scoreEngagement({})).toMatchObject({ basis: 'none', score: 0, level: 'low' });
    expect(scoreEngagement({ followers: 0 }).basis).toBe('none');
  });

  it('gives zero interactions a zero score', () => {
    const score = scoreEngagement({
      metrics: { likes: 0, shares: 0, replies: 0, impressions: 500 },
    });
    expect(score).toMatchObject({ score: 0, level: 'low', engagementRate: 0 });
  });
});

describe('engagementLevelFor', () => {
  it('splits 0–100 into low, medium and high', () => {
    expect([0, 34, 35, 64, 65, 100].map(engagementLevelFor)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });
});
