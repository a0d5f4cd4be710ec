import { describe, expect, it } from 'vitest';
import {
  EvaluatorSpecError,
  formatEvaluatorWeights,
  parseEvaluatorWeights,
} from './evaluator-weights.ts';

const KNOWN = ['ground-truth', 'schema', 'judge'];

describe('parseEvaluatorWeights', () => {
  it('reads names with relative weights, in order', () => {
    expect(parseEvaluatorWeights('ground-truth=0.6, schema=0.2,judge=0.2', KNOWN)).toEqual([
      { name: 'ground-truth', weight: 0.6 },
      { name: 'schema', weight: 0.2 },
      { name: 'judge', weight: 0.2 },
    ]);
  });

  it('gives a name without a weight the weight 1', () => {
    expect(parseEvaluatorWeights('schema,judge=3', KNOWN)).toEqual([
      { name: 'schema', weight: 1 },
      { name: 'judge', weight: 3 },
    ]);
  });

  it.each([
    ['', /No evaluator given\. Accepted evaluators: ground-truth, schema, judge/],
    ['truth=1', /Unknown evaluator "truth"\. Accepted evaluators: ground-truth, schema, judge/],
    ['schema=0', /weight of "schema" must be a positive number, got "0"/],
    ['schema=-1', /positive number, got "-1"/],
    ['schema=abc', /positive number, got "abc"/],
    ['schema=', /positive number, got ""/],
    ['schema=1=2', /more than one "="/],
    ['schema=1,schema=2', /"schema" is listed twice/],
  ])('rejects %j', (text, message) => {
    expect(() => parseEvaluatorWeights(text, KNOWN)).toThrow(EvaluatorSpecError);
    expect(() => parseEvaluatorWeights(text, KNOWN)).toThrow(message);
  });

  it('formats back to the canonical text', () => {
    const weights = parseEvaluatorWeights('schema, judge=0.5', KNOWN);
    expect(formatEvaluatorWeights(weights)).toBe('schema=1,judge=0.5');
  });
});
