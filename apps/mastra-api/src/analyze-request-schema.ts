import { postSchema } from '@agl/post-analyzer';
import { z } from 'zod';

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

export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;
export type AnalyzeBatchRequest = z.infer<typeof analyzeBatchRequestSchema>;
