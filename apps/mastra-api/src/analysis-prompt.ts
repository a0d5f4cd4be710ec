import type { Post } from '@agl/post-analyzer';

/**
 * The user message for one analysis: the post as JSON, so the model sees every field verbatim.
 * The numbers come in the order scoreEngagement takes them (metrics, then followers) and the
 * free text last, which lets a model that reads numbers positionally (the offline one) fill
 * the tool's arguments correctly.
 */
export function buildAnalysisPrompt(post: Post): string {
  const subject = {
    platform: post.platform ?? 'unknown',
    ...(post.metrics === undefined ? {} : { metrics: post.metrics }),
    author: post.author,
    text: post.text,
  };
  return `Analyze this social-media post.\n\n${JSON.stringify(subject, null, 2)}`;
}
