import { type DatasetPost, type Post, postSchema } from '@agl/post-analyzer';
import { z } from 'zod';

/** What a Post Analyzer rollout carries as its AGL `input`. */
export interface PostRolloutInput {
  /** The dataset id (`post-001` …): the task looks up the expected labels by it. */
  postId: string | null;
  post: Post;
}

const wrappedSchema = z.object({
  postId: z.string().trim().min(1).nullish(),
  post: postSchema,
});

const bareSchema = postSchema.extend({ postId: z.string().trim().min(1).optional() });

/** The rollout input for one dataset post. */
export function postRolloutInput(entry: DatasetPost): PostRolloutInput {
  return { postId: entry.id, post: entry.post };
}

/**
 * Reads a rollout input: `{ postId, post }` as `agl:enqueue` writes it, or a bare post with an
 * optional `postId` (the `POST /api/analyze` body). Without an id in the input, the rollout
 * metadata's `post_id` is used. Throws an error naming the first problem.
 */
export function parsePostRolloutInput(
  input: unknown,
  metadata: Record<string, unknown> | null = null,
): PostRolloutInput {
  const fromMetadata = typeof metadata?.post_id === 'string' ? metadata.post_id : null;
  const wrapped = wrappedSchema.safeParse(input);
  if (wrapped.success) {
    return { postId: wrapped.data.postId ?? fromMetadata, post: wrapped.data.post };
  }
  const bare = bareSchema.safeParse(input);
  if (bare.success) {
    const { postId, ...post } = bare.data;
    return { postId: postId ?? fromMetadata, post };
  }
  const looksWrapped = typeof input === 'object' && input !== null && 'post' in input;
  const issue = (looksWrapped ? wrapped.error : bare.error).issues[0];
  const path = issue?.path.join('.') || '(input)';
  throw new TypeError(
    `the rollout input is not a post: ${path}: ${issue?.message ?? 'invalid'}. Expected { postId, post: { text, author: { handle } } }.`,
  );
}
