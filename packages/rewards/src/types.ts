import type { Rollout, Span } from '@agl/client';

/** What the agent answered, as far as its spans tell. */
export interface AgentOutput {
  /** The final answer as text (for structured output: its JSON text); null when none was found. */
  text: string | null;
  /** The structured answer (parsed), or undefined when there is none. */
  structured: unknown;
  /** The span attribute the answer was read from, e.g. `mastra.agent_run.output`. */
  source: string | null;
}

/** Everything an evaluator may look at for one rollout. */
export interface EvaluationContext {
  rollout: Rollout;
  /** The spans of the attempt being rewarded, sorted by sequence id. */
  spans: readonly Span[];
  /** The task the agent was given, as text (the rollout input, or the agent span's input). */
  inputText: string | null;
  output: AgentOutput;
  signal?: AbortSignal;
}

/** One evaluator's verdict. */
export interface Score {
  /** From 0 (worst) to 1 (best). */
  value: number;
  /** A short explanation stored with the reward, e.g. `sentiment ok, tone wrong`. */
  details?: string;
}

export interface Evaluator {
  /** Stable name, used in `--evaluators` and in the reward span's attributes. */
  readonly name: string;
  /** Changes whenever the scoring changes, so rewards from different versions can be told apart. */
  readonly version: string;
  /**
   * Scores one rollout. Returns null when the evaluator does not apply (for instance no expected
   * labels for this input): the other evaluators' weights then share its part. Throwing means
   * the rollout cannot be scored now (it is left without a reward, to be retried later).
   */
  evaluate(context: EvaluationContext): Promise<Score | null> | Score | null;
}

export interface WeightedEvaluator {
  evaluator: Evaluator;
  /** Relative weight; weights need not add up to 1. */
  weight: number;
}

/** One evaluator's part of a reward. */
export interface EvaluatorScore {
  name: string;
  version: string;
  weight: number;
  /** Null when the evaluator did not apply. */
  value: number | null;
  details: string | null;
}

/** The reward of one rollout and how it was made. */
export interface RolloutScore {
  /** The weighted mean of the evaluators that applied; null when none did. */
  reward: number | null;
  scores: EvaluatorScore[];
}
