import { postAnalysisSchema, scorePostAnalysis } from '@agl/post-analyzer';
import {
  createGroundTruthEvaluator,
  createJudgeEvaluator,
  createSchemaEvaluator,
  type EvaluatorWeight,
  type JudgeModel,
  type WeightedEvaluator,
} from '@agl/rewards';
import { analysisRules } from './analysis-rules.ts';
import { matchDatasetPost } from './dataset-match.ts';
import { POST_ANALYSIS_RUBRIC } from './judge-rubric.ts';

export const EVALUATOR_NAMES = ['ground-truth', 'schema', 'judge'] as const;
export const DEFAULT_EVALUATORS = 'ground-truth=0.6,schema=0.2,judge=0.2';

/** The Post Analyzer's evaluators, as chosen by `--evaluators`; `judge` needs a model. */
export function postAnalyzerEvaluators(
  weights: readonly EvaluatorWeight[],
  judgeModel: JudgeModel | null,
): WeightedEvaluator[] {
  return weights.map(({ name, weight }) => {
    if (name === 'ground-truth') {
      return {
        weight,
        evaluator: createGroundTruthEvaluator({
          version: '1',
          expected: ({ rollout, inputText }) => matchDatasetPost(rollout, inputText)?.expected,
          compare: scorePostAnalysis,
        }),
      };
    }
    if (name === 'schema') {
      return {
        weight,
        evaluator: createSchemaEvaluator({
          schema: postAnalysisSchema,
          rules: analysisRules,
          version: '1',
        }),
      };
    }
    if (name === 'judge') {
      if (judgeModel === null) throw new Error('the judge evaluator needs a model');
      return {
        weight,
        evaluator: createJudgeEvaluator({ model: judgeModel, rubric: POST_ANALYSIS_RUBRIC }),
      };
    }
    throw new Error(`unknown evaluator "${name}"`);
  });
}
