import { makeRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { combineScores, EvaluatorError, scoreRollout } from './score-rollout.ts';
import type { EvaluationContext, Evaluator, Score } from './types.ts';

const context: EvaluationContext = {
  rollout: makeRollout(),
  spans: [],
  inputText: 'task',
  output: { text: '{}', structured: {}, source: 'test' },
};

function fixed(name: string, score: Score | null | (() => never)): Evaluator {
  return {
    name,
    version: '7',
    evaluate: () => (typeof score === 'function' ? score() : score),
  };
}

describe('scoreRollout', () => {
  it('takes the weighted mean and keeps each part', async () => {
    const result = await scoreRollout(context, [
      { evaluator: fixed('a', { value: 1, details: 'all good' }), weight: 0.6 },
      { evaluator: fixed('b', { value: 0.5 }), weight: 0.2 },
      { evaluator: fixed('c', { value: 0 }), weight: 0.2 },
    ]);
    expect(result.reward).toBe(0.7);
    expect(result.scores).toEqual([
      { name: 'a', version: '7', weight: 0.6, value: 1, details: 'all good' },
      { name: 'b', version: '7', weight: 0.2, value: 0.5, details: null },
      { name: 'c', version: '7', weight: 0.2, value: 0, details: null },
    ]);
  });

  it('shares the weight of an evaluator that does not apply among the others', async () => {
    const result = await scoreRollout(context, [
      { evaluator: fixed('a', null), weight: 0.6 },
      { evaluator: fixed('b', { value: 1 }), weight: 0.2 },
      { evaluator: fixed('c', { value: 0 }), weight: 0.2 },
    ]);
    expect(result.reward).toBe(0.5);
    expect(result.scores[0]?.value).toBeNull();
  });

  it('has no reward when no evaluator applies', async () => {
    const result = await scoreRollout(context, [{ evaluator: fixed('a', null), weight: 1 }]);
    expect(result.reward).toBeNull();
  });

  it.each([[{ value: 1.5 }], [{ value: -0.1 }], [{ value: Number.NaN }], [{ nope: 1 }]])(
    'rejects the out-of-contract score %j, naming the evaluator',
    async (score) => {
      const promise = scoreRollout(context, [
        { evaluator: fixed('odd', score as Score), weight: 1 },
      ]);
      await expect(promise).rejects.toThrow(EvaluatorError);
      await expect(promise).rejects.toThrow(/^odd: returned .* a value from 0 to 1/);
    },
  );

  it('wraps an evaluator failure with its name', async () => {
    const failing = fixed('judge', () => {
      throw new Error('model unreachable');
    });
    await expect(scoreRollout(context, [{ evaluator: failing, weight: 1 }])).rejects.toThrow(
      'judge: model unreachable',
    );
  });

  it('shortens long details', async () => {
    const result = await scoreRollout(context, [
      { evaluator: fixed('a', { value: 1, details: 'x'.repeat(800) }), weight: 1 },
    ]);
    expect(result.scores[0]?.details).toHaveLength(500);
  });
});

describe('combineScores', () => {
  it('rounds to four decimals', () => {
    const part = { version: '1', details: null };
    expect(
      combineScores([
        { ...part, name: 'a', weight: 1, value: 1 / 3 },
        { ...part, name: 'b', weight: 2, value: 0.1 },
      ]),
    ).toBe(0.1778);
  });
});
