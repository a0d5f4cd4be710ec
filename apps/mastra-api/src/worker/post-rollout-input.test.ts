import { getDatasetPost } from '@agl/post-analyzer';
import { describe, expect, it } from 'vitest';
import { parsePostRolloutInput, postRolloutInput } from './post-rollout-input.ts';

const entry = getDatasetPost('post-004');

describe('parsePostRolloutInput', () => {
  it('reads what agl:enqueue writes', () => {
    expect(parsePostRolloutInput(postRolloutInput(entry))).toEqual({
      postId: 'post-004',
      post: entry.post,
    });
  });

  it('reads a bare API request body, and takes a missing id from the metadata', () => {
    expect(parsePostRolloutInput({ ...entry.post, postId: 'post-004' })).toEqual({
      postId: 'post-004',
      post: entry.post,
    });
    expect(parsePostRolloutInput(entry.post, { post_id: 'post-004' }).postId).toBe('post-004');
    expect(parsePostRolloutInput({ post: entry.post }).postId).toBeNull();
  });

  it('says what is wrong with an input that is not a post', () => {
    expect(() => parsePostRolloutInput({ post: { text: 'hi' } })).toThrow(
      /the rollout input is not a post: post\.author: /,
    );
    expect(() => parsePostRolloutInput('just text')).toThrow(/\(input\)/);
    expect(() => parsePostRolloutInput(null)).toThrow(/not a post/);
  });
});
