import { FINISHED_ROLLOUT_STATUSES } from '@agl/client';
import { EvaluatorSpecError, type EvaluatorWeight, parseEvaluatorWeights } from '@agl/rewards';
import { DEFAULT_EVALUATORS, EVALUATOR_NAMES } from '../post-analyzer/evaluators.ts';
import type { RolloutFilter } from '../rollouts/rollout-filter.ts';
import { FILTER_USAGE, parseEndpointOption, parseFilter, readCommandFlags } from './filter-args.ts';
import { parseInteger, UsageError } from './parse-values.ts';

export interface EvalArgs {
  endpoint: string;
  filter: RolloutFilter;
  evaluators: EvaluatorWeight[];
  concurrency: number;
  limit: number | null;
  dryRun: boolean;
  force: boolean;
  json: boolean;
}

export const DEFAULT_CONCURRENCY = 4;

export const EVAL_USAGE = `Usage: pnpm agl:eval [options]

Scores finished rollouts that have no reward yet and writes the reward into AGL, where AGL's
trainers attach it to the rollout's last LLM call. Rerunning is safe: rewarded rollouts are skipped.
Against AGL 1.0 (agl-server; key from AGL_KEY) the reward is a reward event on the rollout's attempt.

Options:
${FILTER_USAGE}
  --status <list>      Finished statuses to score: succeeded, failed, cancelled (default: all three;
                       AGL 1.0 has succeeded and failed only)
  --evaluators <list>  Evaluators and relative weights (default ${DEFAULT_EVALUATORS});
                       accepted: ${EVALUATOR_NAMES.join(', ')}
  --concurrency <n>    Rollouts scored at once, 1-64 (default ${DEFAULT_CONCURRENCY})
  --limit <n>          Stop after this many rewards
  --dry-run            Score and show the rewards, write nothing
  --force              Also score rollouts that already have a reward (adds another reward span)
  --json               Print the summary as JSON on stdout
  -h, --help           Show this help

The judge evaluator uses the model configured for the app (AGL_LLM_API_KEY / AGL_LLM_BASE_URL /
AGL_LLM_MODEL, or OPENAI_*); without one it starts the offline deterministic model.
Exit codes: 0 done, 1 store unreachable or rollouts failed, 2 bad options, 130 interrupted.
`;

/** Reads `agl:eval`'s command line; throws `UsageError` naming the flag on bad input. */
export function parseEvalArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  nowSeconds: number,
): { kind: 'help' } | { kind: 'run'; args: EvalArgs } {
  const values = readCommandFlags(argv, {
    evaluators: { type: 'string' },
    concurrency: { type: 'string' },
    limit: { type: 'string' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) return { kind: 'help' };
  let evaluators: EvaluatorWeight[];
  try {
    evaluators = parseEvaluatorWeights(
      (values.evaluators as string | undefined) ?? DEFAULT_EVALUATORS,
      EVALUATOR_NAMES,
    );
  } catch (error) {
    if (error instanceof EvaluatorSpecError) throw new UsageError(`--evaluators: ${error.message}`);
    throw error;
  }
  const text = (name: string) => values[name] as string | undefined;
  return {
    kind: 'run',
    args: {
      endpoint: parseEndpointOption(values, env),
      filter: parseFilter(values, FINISHED_ROLLOUT_STATUSES, nowSeconds),
      evaluators,
      concurrency:
        text('concurrency') === undefined
          ? DEFAULT_CONCURRENCY
          : parseInteger(text('concurrency') as string, '--concurrency', 1, 64),
      limit:
        text('limit') === undefined
          ? null
          : parseInteger(text('limit') as string, '--limit', 1, 10_000_000),
      dryRun: values['dry-run'] === true,
      force: values.force === true,
      json: values.json === true,
    },
  };
}
