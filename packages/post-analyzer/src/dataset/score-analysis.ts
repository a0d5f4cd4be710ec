import { combineFields, exactLabel, ordinalLabel, type Score, topicOverlap } from '@agl/rewards';
import { ENGAGEMENT_LEVELS } from '../analysis-schema.ts';
import type { ExpectedLabels } from './posts.ts';

/** How much each label counts in the reward. */
export const POST_REWARD_WEIGHTS = {
  sentiment: 0.3,
  tone: 0.25,
  engagement: 0.2,
  topics: 0.25,
} as const;

/**
 * Scores an analysis against the dataset's labels: sentiment and tone must match, the engagement
 * level earns partial credit by distance (low < medium < high), topics by word overlap (F1).
 * Works on any answer shape: missing fields score 0. The worker's reward and `agl:eval`'s ground
 * truth both use it, so the two agree.
 */
export function scorePostAnalysis(answer: unknown, expected: ExpectedLabels): Score {
  const analysis = (typeof answer === 'object' && answer !== null ? answer : {}) as {
    sentiment?: unknown;
    tone?: unknown;
    topics?: unknown;
    engagementPrediction?: { level?: unknown };
  };
  const level = analysis.engagementPrediction?.level;
  return combineFields([
    {
      name: 'sentiment',
      weight: POST_REWARD_WEIGHTS.sentiment,
      value: exactLabel(analysis.sentiment, expected.sentiment),
      note: `${String(analysis.sentiment)}, expected ${expected.sentiment}`,
    },
    {
      name: 'tone',
      weight: POST_REWARD_WEIGHTS.tone,
      value: exactLabel(analysis.tone, expected.tone),
      note: `${String(analysis.tone)}, expected ${expected.tone}`,
    },
    {
      name: 'engagement',
      weight: POST_REWARD_WEIGHTS.engagement,
      value: ordinalLabel(level, expected.engagementLevel, ENGAGEMENT_LEVELS),
      note: `${String(level)}, expected ${expected.engagementLevel}`,
    },
    {
      name: 'topics',
      weight: POST_REWARD_WEIGHTS.topics,
      value: topicOverlap(analysis.topics, expected.topics),
      note: `expected ${expected.topics.join(', ')}`,
    },
  ]);
}
