import { extractEntities, type PostAnalysis } from '@agl/post-analyzer';
import type { OutputRule } from '@agl/rewards';
import { matchDatasetPost, postTextOf } from './dataset-match.ts';

export const MAX_REPLY_LENGTH = 280;
const MAX_TOPICS = 5;
const NEUTRAL_SCORE_LIMIT = 0.3;

/** Checks on a schema-valid analysis that follow from the Post Analyzer's instructions. */
export const analysisRules: ReadonlyArray<OutputRule<PostAnalysis>> = [
  {
    name: 'hashtags-match-post',
    check: (answer, context) => {
      const text = postTextOf(
        matchDatasetPost(context.rollout, context.inputText),
        context.inputText,
      );
      if (text === null) return true;
      return sameSet(answer.hashtags, extractEntities(text).hashtags) || 'differs from the post';
    },
  },
  {
    name: 'mentions-match-post',
    check: (answer, context) => {
      const text = postTextOf(
        matchDatasetPost(context.rollout, context.inputText),
        context.inputText,
      );
      if (text === null) return true;
      return sameSet(answer.mentions, extractEntities(text).mentions) || 'differs from the post';
    },
  },
  {
    name: 'sentiment-score-agrees',
    check: ({ sentiment, sentimentScore: score }) => {
      const agrees =
        sentiment === 'positive'
          ? score > 0
          : sentiment === 'negative'
            ? score < 0
            : sentiment === 'neutral'
              ? Math.abs(score) <= NEUTRAL_SCORE_LIMIT
              : true;
      return agrees || `${sentiment} with score ${score}`;
    },
  },
  {
    name: 'reply-length',
    check: ({ suggestedReply }) => {
      const length = suggestedReply.trim().length;
      if (length === 0) return 'empty';
      return length <= MAX_REPLY_LENGTH || `${length} characters, at most ${MAX_REPLY_LENGTH}`;
    },
  },
  {
    name: 'topics-count',
    check: ({ topics }) =>
      (topics.length >= 1 && topics.length <= MAX_TOPICS) ||
      `${topics.length} topics, expected 1 to ${MAX_TOPICS}`,
  },
];

function sameSet(actual: readonly string[], expected: readonly string[]): boolean {
  const normalize = (values: readonly string[]) =>
    new Set(values.map((value) => value.trim().toLowerCase()));
  const a = normalize(actual);
  const b = normalize(expected);
  return a.size === b.size && [...a].every((value) => b.has(value));
}
