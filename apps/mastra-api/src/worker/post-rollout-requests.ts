import type { RolloutConfig, RolloutMode, RolloutRequest } from '@agl/client';
import { type DatasetPost, datasetPosts, getDatasetPost } from '@agl/post-analyzer';
import { postRolloutInput } from './post-rollout-input.ts';

export const POST_DATASET_NAME = 'post-analyzer-posts';

export interface PostRolloutSelection {
  mode: RolloutMode;
  /** Only these posts, in this order (unknown ids throw). Default all. */
  ids?: string[] | undefined;
  /** Only the first N of the selection. */
  limit?: number | undefined;
  config?: Partial<RolloutConfig> | undefined;
  resourcesId?: string | undefined;
}

/** One queued rollout per selected dataset post; its metadata names the dataset and the post. */
export function postRolloutRequests(selection: PostRolloutSelection): RolloutRequest[] {
  const posts: readonly DatasetPost[] = selection.ids?.map(getDatasetPost) ?? datasetPosts;
  const chosen = selection.limit === undefined ? posts : posts.slice(0, selection.limit);
  return chosen.map((entry) => ({
    input: postRolloutInput(entry),
    mode: selection.mode,
    metadata: { dataset: POST_DATASET_NAME, post_id: entry.id },
    ...(selection.config === undefined ? {} : { config: selection.config }),
    ...(selection.resourcesId === undefined ? {} : { resources_id: selection.resourcesId }),
  }));
}
