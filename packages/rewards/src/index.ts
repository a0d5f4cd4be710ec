export { agentInputText, agentOutput } from './agent-output.ts';
export { evaluationContext } from './evaluation-context.ts';
export {
  EvaluatorSpecError,
  type EvaluatorWeight,
  formatEvaluatorWeights,
  parseEvaluatorWeights,
} from './evaluator-weights.ts';
export { createGroundTruthEvaluator, type GroundTruthOptions } from './evaluators/ground-truth.ts';
export {
  combineFields,
  exactLabel,
  type FieldScore,
  ordinalLabel,
  topicOverlap,
} from './evaluators/label-match.ts';
export {
  createJudgeEvaluator,
  JUDGE_ANSWER_SCHEMA,
  JUDGE_MAX_SCORE,
  type JudgeModel,
  type JudgeOptions,
  type JudgeRequest,
  parseJudgement,
} from './evaluators/llm-judge.ts';
export {
  createSchemaEvaluator,
  type OutputRule,
  type SchemaCheckOptions,
} from './evaluators/schema-check.ts';
export { currentReward, hasReward } from './has-reward.ts';
export {
  latestAttemptSpans,
  type PlacementResult,
  placeReward,
  type RewardPlacement,
} from './reward-placement.ts';
export {
  buildRewardSpan,
  PRIMARY_REWARD_NAME,
  primaryRewardAttributes,
  REWARD_SPAN_NAME,
  type RewardSpanFields,
  type RewardSpanInput,
  rewardAttributes,
  rewardSpan,
} from './reward-span.ts';
export { combineScores, EvaluatorError, scoreRollout } from './score-rollout.ts';
export { isLlmCall, LLM_CALL_NAME } from './span-lookup.ts';
export type {
  AgentOutput,
  EvaluationContext,
  Evaluator,
  EvaluatorScore,
  RolloutScore,
  Score,
  WeightedEvaluator,
} from './types.ts';
