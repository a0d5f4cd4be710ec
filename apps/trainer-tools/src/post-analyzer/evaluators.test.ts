import { getDatasetPost } from '@agl/post-analyzer';
import {
  evaluationContext,
  type JudgeModel,
  parseEvaluatorWeights,
  scoreRollout,
} from '@agl/rewards';
import { makeRollout, makeSpan } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATORS, EVALUATOR_NAMES, postAnalyzerEvaluators } from './evaluators.ts';

const entry = getDatasetPost('post-002'); // @SkyJetAir … #SkyJetFail, negative, angry, medium
const good = {
  sentiment: 'negative',
  sentimentScore: -0.7,
  topics: ['flight delay', 'customer service'],
  tone: 'angry',
  engagementPrediction: { level: 'medium', score: 55, rationale: 'Many replies.' },
  suggestedReply: "We're sorry about the wait. Please DM us your booking code so we can help.",
  hashtags: ['#SkyJetFail'],
  mentions: ['@SkyJetAir'],
};

function context(answer: unknown, metadata: Record<string, unknown> = { postId: entry.id }) {
  const rollout = makeRollout({
    input: `Analyze this social-media post.\n\n${JSON.stringify(entry.post)}`,
    metadata,
  });
  const agent = makeSpan({
    name: 'invoke_agent postAnalyzer',
    attributes: {
      'gen_ai.operation.name': 'invoke_agent',
      'mastra.agent_run.output': JSON.stringify({ text: JSON.stringify(answer), object: answer }),
    },
  });
  return evaluationContext(rollout, [agent]);
}

const judge: JudgeModel = { id: 'fake', complete: async () => '{"reason":"fine","score":6}' };

describe('postAnalyzerEvaluators', () => {
  it('scores a correct analysis with all three evaluators', async () => {
    const evaluators = postAnalyzerEvaluators(
      parseEvaluatorWeights(DEFAULT_EVALUATORS, EVALUATOR_NAMES),
      judge,
    );
    const score = await scoreRollout(context(good), evaluators);
    expect(score.scores.map((part) => [part.name, part.value])).toEqual([
      ['ground-truth', 1],
      ['schema', 1],
      ['judge', 0.6],
    ]);
    expect(score.reward).toBe(0.92);
  });

  it('checks the rules on a valid analysis', async () => {
    const [schema] = postAnalyzerEvaluators([{ name: 'schema', weight: 1 }], null);
    const sloppy = {
      ...good,
      sentimentScore: 0.4,
      hashtags: [],
      suggestedReply: 'x'.repeat(300),
      topics: ['a', 'b', 'c', 'd', 'e', 'f'],
    };
    const score = await schema?.evaluator.evaluate(context(sloppy));
    expect(score).toEqual({
      value: 0.2,
      details:
        'matches the schema; 1/5 rules passed; failed: hashtags-match-post (differs from the post), sentiment-score-agrees (negative with score 0.4), reply-length (300 characters, at most 280), topics-count (6 topics, expected 1 to 5)',
    });
  });

  it('ground truth does not apply to posts outside the dataset', async () => {
    const [truth] = postAnalyzerEvaluators([{ name: 'ground-truth', weight: 1 }], null);
    const rollout = makeRollout({ input: 'Analyze: a post nobody labelled', metadata: {} });
    expect(await truth?.evaluator.evaluate(evaluationContext(rollout, []))).toBeNull();
  });

  it('needs a model for the judge', () => {
    expect(() => postAnalyzerEvaluators([{ name: 'judge', weight: 1 }], null)).toThrow(
      'needs a model',
    );
  });
});
