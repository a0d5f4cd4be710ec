import type { EvaluationContext, Evaluator, Score } from '../types.ts';

export interface GroundTruthOptions<Expected> {
  /** Default `ground-truth`. */
  name?: string;
  /** Default `1`; change it when the comparison changes. */
  version?: string;
  /** The expected answer for this rollout (e.g. looked up by an id in its metadata), if known. */
  expected(context: EvaluationContext): Expected | null | undefined;
  /** Scores the structured answer against the expected one. */
  compare(answer: unknown, expected: Expected, context: EvaluationContext): Score;
}

/**
 * Compares the agent's structured answer with known labels. Does not apply (null) to rollouts
 * whose expected answer is unknown; an answer without structured output scores 0.
 */
export function createGroundTruthEvaluator<Expected>(
  options: GroundTruthOptions<Expected>,
): Evaluator {
  return {
    name: options.name ?? 'ground-truth',
    version: options.version ?? '1',
    evaluate(context) {
      const expected = options.expected(context);
      if (expected === null || expected === undefined) return null;
      if (context.output.structured === undefined) {
        return { value: 0, details: 'no structured answer to compare with the expected labels' };
      }
      return options.compare(context.output.structured, expected, context);
    },
  };
}
