import { makeRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import type { EvaluationContext } from '../types.ts';
import { createJudgeEvaluator, type JudgeRequest, parseJudgement } from './llm-judge.ts';

function fakeModel(answer: string) {
  const requests: JudgeRequest[] = [];
  return {
    requests,
    model: {
      id: 'fake-judge',
      complete: async (request: JudgeRequest) => {
        requests.push(request);
        return answer;
      },
    },
  };
}

const context: EvaluationContext = {
  rollout: makeRollout(),
  spans: [],
  inputText: 'Analyze: "I love it"',
  output: { text: '{"sentiment":"positive"}', structured: { sentiment: 'positive' }, source: null },
};

describe('createJudgeEvaluator', () => {
  it('asks the model with the rubric, the task and the answer, and scales 0–10 to 0–1', async () => {
    const { model, requests } = fakeModel('{"reason":"Right sentiment.","score":8}');
    const judge = createJudgeEvaluator({ model, rubric: 'Sentiment must be right.' });
    expect(judge.version).toBe('1:fake-judge');
    expect(await judge.evaluate(context)).toEqual({
      value: 0.8,
      details: '8/10: Right sentiment.',
    });
    const [request] = requests;
    expect(request?.system).toMatch(/Rubric:\nSentiment must be right\.$/);
    expect(request?.user).toContain('Analyze: "I love it"');
    expect(request?.user).toContain('{"sentiment":"positive"}');
    expect(request?.schema).toMatchObject({ required: ['reason', 'score'] });
  });

  it('does not call the model when there is no answer', async () => {
    const { model, requests } = fakeModel('{}');
    const judge = createJudgeEvaluator({ model, rubric: 'r' });
    expect(
      await judge.evaluate({
        ...context,
        output: { text: null, structured: undefined, source: null },
      }),
    ).toEqual({
      value: 0,
      details: 'no answer to judge',
    });
    expect(requests).toHaveLength(0);
  });

  it('clips long inputs', async () => {
    const { model, requests } = fakeModel('{"reason":"","score":0}');
    const judge = createJudgeEvaluator({ model, rubric: 'r', maxChars: 10 });
    await judge.evaluate({ ...context, inputText: 'x'.repeat(50) });
    expect(requests[0]?.user).toContain(`${'x'.repeat(10)}… [40 more characters]`);
  });
});

describe('parseJudgement', () => {
  it.each(['not json', '{"score":11,"reason":"x"}', '{"reason":"x"}', '{"score":"7"}'])(
    'rejects %j with what the model said',
    (text) => {
      expect(() => parseJudgement(text)).toThrow(
        /the judge model did not answer \{"reason", "score": 0-10\}/,
      );
    },
  );

  it('accepts a missing reason', () => {
    expect(parseJudgement('{"score":3}')).toEqual({ score: 3, reason: '' });
  });
});
