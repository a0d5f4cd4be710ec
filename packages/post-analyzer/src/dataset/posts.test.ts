import { describe, expect, it } from 'vitest';
import { SENTIMENTS, sentimentSchema, TONES, toneSchema } from '../analysis-schema.ts';
import { postSchema } from '../post-schema.ts';
import { scoreEngagement } from '../score-engagement.ts';
import { datasetPosts, findDatasetPost, getDatasetPost } from './posts.ts';

describe('datasetPosts', () => {
  it('has about thirty posts with unique, stable ids', () => {
    expect(datasetPosts.length).toBe(30);
    const ids = datasetPosts.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^post-\d{3}$/);
  });

  it.each(datasetPosts.map((entry) => [entry.id, entry] as const))(
    '%s is a valid post with valid labels',
    (_id, entry) => {
      expect(postSchema.parse(entry.post)).toEqual(entry.post);
      sentimentSchema.parse(entry.expected.sentiment);
      toneSchema.parse(entry.expected.tone);
      expect(entry.expected.topics.length).toBeGreaterThan(0);
      for (const topic of entry.expected.topics) expect(topic).toBe(topic.toLowerCase());
    },
  );

  it('labels engagement the way scoreEngagement measures it', () => {
    const mismatches = datasetPosts.filter(
      ({ post, expected }) =>
        scoreEngagement({ metrics: post.metrics, followers: post.author.followers }).level !==
        expected.engagementLevel,
    );
    expect(mismatches.map((entry) => entry.id)).toEqual([]);
  });

  it('covers every sentiment, tone and engagement level', () => {
    const labels = datasetPosts.map((entry) => entry.expected);
    expect(new Set(labels.map((l) => l.sentiment))).toEqual(new Set(SENTIMENTS));
    expect(new Set(labels.map((l) => l.tone))).toEqual(new Set(TONES));
    expect(new Set(labels.map((l) => l.engagementLevel))).toEqual(
      new Set(['low', 'medium', 'high']),
    );
  });
});

describe('dataset lookup', () => {
  it('finds a post by id', () => {
    expect(findDatasetPost('post-007')?.post.author.handle).toBe('webdev_weekly');
    expect(getDatasetPost('post-030').expected.tone).toBe('announcement');
  });

  it('returns undefined or throws for unknown ids', () => {
    expect(findDatasetPost('post-999')).toBeUndefined();
    expect(() => getDatasetPost('nope')).toThrow(
      'No dataset post "nope"; ids run from post-001 to post-030.',
    );
  });
});
