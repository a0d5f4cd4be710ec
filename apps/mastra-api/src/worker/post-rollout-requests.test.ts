import { datasetPosts } from '@agl/post-analyzer';
import { describe, expect, it } from 'vitest';
import { POST_DATASET_NAME, postRolloutRequests } from './post-rollout-requests.ts';

describe('postRolloutRequests', () => {
  it('makes one rollout per post, naming the dataset and post', () => {
    const requests = postRolloutRequests({ mode: 'train' });
    expect(requests).toHaveLength(datasetPosts.length);
    expect(requests[0]).toEqual({
      input: { postId: 'post-001', post: datasetPosts[0]?.post },
      mode: 'train',
      metadata: { dataset: POST_DATASET_NAME, post_id: 'post-001' },
    });
  });

  it('selects by ids, then limits, and passes config and resources', () => {
    const requests = postRolloutRequests({
      mode: 'test',
      ids: ['post-010', 'post-002', 'post-030'],
      limit: 2,
      config: { max_attempts: 2 },
      resourcesId: 'rs-1',
    });
    expect(requests.map((r) => r.metadata?.post_id)).toEqual(['post-010', 'post-002']);
    expect(requests[0]).toMatchObject({
      mode: 'test',
      config: { max_attempts: 2 },
      resources_id: 'rs-1',
    });
  });

  it('names an unknown id', () => {
    expect(() => postRolloutRequests({ mode: 'val', ids: ['post-999'] })).toThrow(
      /No dataset post "post-999"/,
    );
  });
});
