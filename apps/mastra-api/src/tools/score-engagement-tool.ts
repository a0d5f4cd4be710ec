import { engagementLevelSchema, postMetricsSchema, scoreEngagement } from '@agl/post-analyzer';
import { createTool } from '@mastra/core/tools';
import { z } from 'zod';

export const scoreEngagementTool = createTool({
  id: 'scoreEngagement',
  description:
    "Scores a post's engagement from its metrics and the author's follower count: engagement " +
    'rate, a 0-100 score and a low/medium/high level. Call it even without metrics.',
  inputSchema: z.object({
    metrics: postMetricsSchema.optional().describe('likes, shares, replies and impressions'),
    followers: z.number().int().nonnegative().optional().describe("The author's follower count"),
  }),
  outputSchema: z.object({
    engagementRate: z.number().nullable(),
    interactions: z.number().nullable(),
    score: z.number(),
    level: engagementLevelSchema,
    basis: z.enum(['impressions', 'followers', 'interactions', 'audience', 'none']),
    rationale: z.string(),
  }),
  execute: async ({ metrics, followers }) => scoreEngagement({ metrics, followers }),
});
