import type {
  EvaluationContext,
  EvaluatorScore,
  RolloutScore,
  Score,
  WeightedEvaluator,
} from './types.ts';

/** An evaluator broke its contract or failed; the rollout is left unscored. */
export class EvaluatorError extends Error {
  override readonly name = 'EvaluatorError';
  readonly evaluator: string;

  constructor(evaluator: string, message: string, options?: { cause?: unknown }) {
    super(`${evaluator}: ${message}`, options);
    this.evaluator = evaluator;
  }
}

const MAX_DETAILS_LENGTH = 500;

/**
 * Runs every evaluator on one rollout (one after another, so a judge model is not flooded) and
 * combines their scores: the weighted mean of those that applied. Throws `EvaluatorError` when an
 * evaluator throws or returns something other than null or a score from 0 to 1.
 */
export async function scoreRollout(
  context: EvaluationContext,
  evaluators: readonly WeightedEvaluator[],
): Promise<RolloutScore> {
  const scores: EvaluatorScore[] = [];
  for (const { evaluator, weight } of evaluators) {
    let score: Score | null;
    try {
      score = await evaluator.evaluate(context);
    } catch (error) {
      throw new EvaluatorError(
        evaluator.name,
        error instanceof Error ? error.message : String(error),
        {
          cause: error,
        },
      );
    }
    checkScore(evaluator.name, score);
    scores.push({
      name: evaluator.name,
      version: evaluator.version,
      weight,
      value: score === null ? null : score.value,
      details: score?.details ? truncate(score.details) : null,
    });
  }
  return { reward: combineScores(scores), scores };
}

/** The weighted mean of the scores that applied, rounded to 4 decimals; null when none did. */
export function combineScores(scores: readonly EvaluatorScore[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const { value, weight } of scores) {
    if (value === null) continue;
    weighted += value * weight;
    weights += weight;
  }
  if (weights === 0) return null;
  return Math.round((weighted / weights) * 10_000) / 10_000;
}

function checkScore(name: string, score: unknown): asserts score is Score | null {
  if (score === null) return;
  const value = (score as { value?: unknown } | undefined)?.value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new EvaluatorError(
      name,
      `returned ${JSON.stringify(score)}; an evaluator returns null or { value } with a value from 0 to 1`,
    );
  }
}

function truncate(text: string): string {
  return text.length <= MAX_DETAILS_LENGTH ? text : `${text.slice(0, MAX_DETAILS_LENGTH - 1)}…`;
}
