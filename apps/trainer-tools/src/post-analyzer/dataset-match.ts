import type { Rollout } from '@agl/client';
import { type DatasetPost, datasetPosts, findDatasetPost } from '@agl/post-analyzer';

/**
 * The dataset post a rollout analysed: by its metadata `postId` (the API passes it through
 * `tracingOptions.metadata`), else by the post text appearing in the task input (verbatim or
 * JSON-escaped, as the analysis prompt embeds it).
 */
export function matchDatasetPost(rollout: Rollout, inputText: string | null): DatasetPost | null {
  const postId = rollout.metadata?.postId;
  if (typeof postId === 'string') {
    const byId = findDatasetPost(postId);
    if (byId) return byId;
  }
  if (inputText === null) return null;
  for (const entry of datasetPosts) {
    const text = entry.post.text;
    if (inputText.includes(text) || inputText.includes(JSON.stringify(text).slice(1, -1))) {
      return entry;
    }
  }
  return null;
}

/**
 * The post text the agent was asked about: the dataset post's, else the `text` field of the
 * JSON object embedded in the task input; null when neither is there.
 */
export function postTextOf(dataset: DatasetPost | null, inputText: string | null): string | null {
  if (dataset) return dataset.post.text;
  if (inputText === null) return null;
  const start = inputText.indexOf('{');
  const end = inputText.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const subject = JSON.parse(inputText.slice(start, end + 1)) as { text?: unknown };
    return typeof subject.text === 'string' ? subject.text : null;
  } catch {
    return null;
  }
}
