import { combineFields, exactLabel, ordinalLabel, type Score, topicOverlap } from '@agl/rewards';
import { ENGAGEMENT_LEVELS, type PostAnalysis } from '../analysis-schema.ts';
import type { ExpectedLabels } from '../dataset/posts.ts';

/** How much each label counts in the reward. */
export const POST_REWARD_WEIGHTS = {
  sentiment: 0.3,
  tone: 0.25,
  engagement: 0.2,
  topics: 0.25,
} as const;

/**
 * The reward of one analysis against the dataset's labels, from 0 to 1: sentiment and tone must
 * match exactly, the engagement level earns partial credit by distance (low < medium < high),
 * topics by word overlap (F1). The same label comparisons `@agl/rewards` offers `agl:eval`.
 */
export function scorePostAnalysis(analysis: PostAnalysis, expected: ExpectedLabels): Score {
  return combineFields([
    {
      name: 'sentiment',
      weight: POST_REWARD_WEIGHTS.sentiment,
      value: exactLabel(analysis.sentiment, expected.sentiment),
      note: `${analysis.sentiment}, expected ${expected.sentiment}`,
    },
    {
      name: 'tone',
      weight: POST_REWARD_WEIGHTS.tone,
      value: exactLabel(analysis.tone, expected.tone),
      note: `${analysis.tone}, expected ${expected.tone}`,
    },
    {
      name: 'engagement',
      weight: POST_REWARD_WEIGHTS.engagement,
      value: ordinalLabel(
        analysis.engagementPrediction.level,
        expected.engagementLevel,
        ENGAGEMENT_LEVELS,
      ),
      note: `${analysis.engagementPrediction.level}, expected ${expected.engagementLevel}`,
    },
    {
      name: 'topics',
      weight: POST_REWARD_WEIGHTS.topics,
      value: topicOverlap(analysis.topics, expected.topics),
    },
  ]);
}
