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

export type PostMetrics = z.infer<typeof postMetricsSchema>;
export type Post = z.infer<typeof postSchema>;
