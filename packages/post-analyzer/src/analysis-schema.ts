import { z } from 'zod';

export const SENTIMENTS = ['positive', 'negative', 'neutral', 'mixed'] as const;
export const TONES = [
  'informative',
  'promotional',
  'humorous',
  'angry',
  'supportive',
  'question',
  'announcement',
] as const;
export const ENGAGEMENT_LEVELS = ['low', 'medium', 'high'] as const;

export const sentimentSchema = z.enum(SENTIMENTS);
export const toneSchema = z.enum(TONES);
export const engagementLevelSchema = z.enum(ENGAGEMENT_LEVELS);

/** What the Post Analyzer returns; the agent's structured output is validated against it. */
export const postAnalysisSchema = z.object({
  sentiment: sentimentSchema.describe('Overall sentiment of the post'),
  sentimentScore: z
    .number()
    .min(-1)
    .max(1)
    .describe('Sentiment from -1 (very negative) to 1 (very positive)'),
  topics: z.array(z.string().min(1)).max(8).describe('Main topics, short lowercase phrases'),
  tone: toneSchema.describe('The dominant tone of the post'),
  engagementPrediction: z
    .object({
      level: engagementLevelSchema,
      score: z.number().min(0).max(100).describe('Predicted engagement from 0 to 100'),
      rationale: z.string().describe('One sentence explaining the prediction'),
    })
    .describe('How much engagement the post gets or is likely to get'),
  suggestedReply: z.string().describe('A short reply the brand or author could post'),
  hashtags: z.array(z.string()).describe('Hashtags in the post, with the leading #'),
  mentions: z.array(z.string()).describe('Accounts mentioned in the post, with the leading @'),
});

export type Sentiment = z.infer<typeof sentimentSchema>;
export type Tone = z.infer<typeof toneSchema>;
export type EngagementLevel = z.infer<typeof engagementLevelSchema>;
export type PostAnalysis = z.infer<typeof postAnalysisSchema>;
