import { getDatasetPost } from '@agl/post-analyzer';
import { makeRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { matchDatasetPost, postTextOf } from './dataset-match.ts';

const post = getDatasetPost('post-002');
// How the analysis prompt embeds a post: JSON, so quotes and emoji are escaped.
const prompt = `Analyze this social-media post.\n\n${JSON.stringify({ platform: 'x', text: post.post.text }, null, 2)}`;

describe('matchDatasetPost', () => {
  it('finds the post by metadata postId first', () => {
    const rollout = makeRollout({ metadata: { postId: 'post-002' } });
    expect(matchDatasetPost(rollout, null)?.id).toBe('post-002');
  });

  it('else by the post text in the input, verbatim or JSON-escaped', () => {
    const rollout = makeRollout({ metadata: { postId: 'not-in-dataset' } });
    expect(matchDatasetPost(rollout, prompt)?.id).toBe('post-002');
    expect(matchDatasetPost(rollout, `about: ${post.post.text}`)?.id).toBe('post-002');
    expect(matchDatasetPost(rollout, 'some other post')).toBeNull();
  });
});

describe('postTextOf', () => {
  it('takes the dataset text, else the text field of the JSON in the input', () => {
    expect(postTextOf(post, null)).toBe(post.post.text);
    expect(postTextOf(null, prompt)).toBe(post.post.text);
    expect(postTextOf(null, 'no json here')).toBeNull();
    expect(postTextOf(null, 'broken { json')).toBeNull();
  });
});
