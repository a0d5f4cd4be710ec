import { z } from 'zod';

const count = z.number().int().nonnegative();

export const postMetricsSchema = z.object({
  likes: count,
  shares: count,
  replies: count,
  impressions: count.optional(),
});

export const postAuthorSchema = z.object({
  handle: z.string().trim().min(1).max(100),
  followers: count.optional(),
});

/** A social-media post as the API receives it. */
export const postSchema = z.object({
  text: z.string().trim().min(1).max(5000),
  author: postAuthorSchema,
  metrics: postMetricsSchema.optional(),
  platform: z.string().trim().min(1).max(40).optional(),
});

const metadataValue = z.union([z.string().max(500), z.number(), z.boolean()]);

/** `POST /api/analyze`: the post itself plus optional bookkeeping fields. */
export const analyzeRequestSchema = postSchema.extend({
  postId: z.string().trim().min(1).max(200).optional(),
  metadata: z.record(z.string().min(1).max(100), metadataValue).optional(),
});

export const MAX_BATCH_SIZE = 10;

/** `POST /api/analyze/batch`. */
export const analyzeBatchRequestSchema = z.object({
  posts: z.array(analyzeRequestSchema).min(1).max(MAX_BATCH_SIZE),
});

export type PostMetrics = z.infer<typeof postMetricsSchema>;
export type Post = z.infer<typeof postSchema>;
export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;
export type AnalyzeBatchRequest = z.infer<typeof analyzeBatchRequestSchema>;
