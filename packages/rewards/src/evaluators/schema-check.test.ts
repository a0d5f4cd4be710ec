import { makeRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AgentOutput, EvaluationContext } from '../types.ts';
import { createSchemaEvaluator } from './schema-check.ts';

const schema = z.object({ sentiment: z.enum(['positive', 'negative']), reply: z.string() });
const evaluator = createSchemaEvaluator({
  schema,
  rules: [
    {
      name: 'short-reply',
      check: (answer) => answer.reply.length <= 10 || `${answer.reply.length} characters`,
    },
    { name: 'reply-present', check: (answer) => answer.reply.trim() !== '' },
  ],
});

function context(output: Partial<AgentOutput>): EvaluationContext {
  return {
    rollout: makeRollout(),
    spans: [],
    inputText: null,
    output: { text: 'x', structured: undefined, source: null, ...output },
  };
}

describe('createSchemaEvaluator', () => {
  it('scores the share of rules a valid answer passes', async () => {
    expect(
      await evaluator.evaluate(
        context({ structured: { sentiment: 'positive', reply: 'Thanks!' } }),
      ),
    ).toEqual({
      value: 1,
      details: 'matches the schema; 2/2 rules passed',
    });
    expect(
      await evaluator.evaluate(
        context({ structured: { sentiment: 'positive', reply: 'A very long reply' } }),
      ),
    ).toEqual({
      value: 0.5,
      details: 'matches the schema; 1/2 rules passed; failed: short-reply (17 characters)',
    });
  });

  it('scores 0 with the schema problems when the answer does not match', async () => {
    const score = await evaluator.evaluate(context({ structured: { sentiment: 'meh' } }));
    expect(score?.value).toBe(0);
    expect(score?.details).toMatch(/^does not match the schema: sentiment: .*; reply: /);
  });

  it('scores 0 without a structured answer, saying whether there was any answer', async () => {
    expect(await evaluator.evaluate(context({ text: null }))).toEqual({
      value: 0,
      details: 'no answer',
    });
    expect(await evaluator.evaluate(context({ text: 'plain words' }))).toEqual({
      value: 0,
      details: 'the answer is not a JSON object',
    });
  });

  it('without rules, a valid answer scores 1', async () => {
    const plain = createSchemaEvaluator({ schema, name: 'shape', version: '3' });
    expect(plain.name).toBe('shape');
    expect(plain.version).toBe('3');
    expect(
      (await plain.evaluate(context({ structured: { sentiment: 'negative', reply: '' } })))?.value,
    ).toBe(1);
  });
});
