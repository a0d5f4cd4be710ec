import { makeRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import type { EvaluationContext } from '../types.ts';
import { createGroundTruthEvaluator } from './ground-truth.ts';

function context(metadata: Record<string, unknown>, structured: unknown): EvaluationContext {
  return {
    rollout: makeRollout({ metadata }),
    spans: [],
    inputText: null,
    output: { text: structured === undefined ? null : 'x', structured, source: null },
  };
}

const labels: Record<string, string> = { 'post-1': 'positive' };
const evaluator = createGroundTruthEvaluator<string>({
  expected: ({ rollout }) => labels[String(rollout.metadata?.postId)],
  compare: (answer, expected) => ({
    value: (answer as { sentiment?: string }).sentiment === expected ? 1 : 0,
  }),
});

describe('createGroundTruthEvaluator', () => {
  it('compares the structured answer with the expected labels', async () => {
    expect(evaluator.name).toBe('ground-truth');
    expect(
      await evaluator.evaluate(context({ postId: 'post-1' }, { sentiment: 'positive' })),
    ).toEqual({
      value: 1,
    });
    expect(
      await evaluator.evaluate(context({ postId: 'post-1' }, { sentiment: 'negative' })),
    ).toEqual({
      value: 0,
    });
  });

  it('does not apply without expected labels', async () => {
    expect(await evaluator.evaluate(context({ postId: 'other' }, { sentiment: 'x' }))).toBeNull();
  });

  it('scores 0 when there is no structured answer', async () => {
    expect(await evaluator.evaluate(context({ postId: 'post-1' }, undefined))).toEqual({
      value: 0,
      details: 'no structured answer to compare with the expected labels',
    });
  });
});
