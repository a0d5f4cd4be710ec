/** One entry of an evaluator list such as `ground-truth=0.6,schema=0.2,judge=0.2`. */
export interface EvaluatorWeight {
  name: string;
  weight: number;
}

/** A list of evaluators that cannot be used; the message says what to change. */
export class EvaluatorSpecError extends Error {
  override readonly name = 'EvaluatorSpecError';
}

/**
 * Parses `name=weight,name=weight` (a name alone weighs 1). Names must be among `known`; weights
 * must be positive numbers; a name may appear once. Weights are relative (they need not add up
 * to 1).
 */
export function parseEvaluatorWeights(text: string, known: readonly string[]): EvaluatorWeight[] {
  const accepted = `Accepted evaluators: ${known.join(', ')}; e.g. ${known.map((name) => `${name}=1`).join(',')}.`;
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new EvaluatorSpecError(`No evaluator given. ${accepted}`);
  const weights: EvaluatorWeight[] = [];
  for (const entry of entries) {
    const [rawName = '', rawWeight, ...rest] = entry.split('=').map((part) => part.trim());
    if (rest.length > 0)
      throw new EvaluatorSpecError(`"${entry}" has more than one "=". ${accepted}`);
    if (!known.includes(rawName)) {
      throw new EvaluatorSpecError(`Unknown evaluator "${rawName}". ${accepted}`);
    }
    const weight = rawWeight === undefined ? 1 : Number(rawWeight);
    if (rawWeight === '' || !Number.isFinite(weight) || weight <= 0) {
      throw new EvaluatorSpecError(
        `The weight of "${rawName}" must be a positive number, got "${rawWeight ?? ''}" (leave an evaluator out to turn it off).`,
      );
    }
    if (weights.some((existing) => existing.name === rawName)) {
      throw new EvaluatorSpecError(`Evaluator "${rawName}" is listed twice.`);
    }
    weights.push({ name: rawName, weight });
  }
  return weights;
}

/** The canonical text form, e.g. `ground-truth=0.6,schema=0.2`. */
export function formatEvaluatorWeights(weights: readonly EvaluatorWeight[]): string {
  return weights.map(({ name, weight }) => `${name}=${weight}`).join(',');
}
