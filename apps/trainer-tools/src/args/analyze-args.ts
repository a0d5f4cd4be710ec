import { resolve } from 'node:path';
import { ROLLOUT_STATUSES } from '@agl/client';
import type { RolloutFilter } from '../rollouts/rollout-filter.ts';
import { FILTER_USAGE, parseEndpointOption, parseFilter, readCommandFlags } from './filter-args.ts';
import { parseChoices, parseInteger, UsageError } from './parse-values.ts';

export interface AnalyzeArgs {
  endpoint: string;
  filter: RolloutFilter;
  /** Absolute path of the JSONL export, or null. */
  exportPath: string | null;
  format: 'text' | 'json';
  concurrency: number;
}

export const ANALYZE_USAGE = `Usage: pnpm agl:analyze [options]

What is in the AGL store: rollouts by status and agent, durations, tokens, tool use and errors,
failure reasons, the reward distribution and readiness for training; optionally the training data.

Options:
${FILTER_USAGE}
  --status <list>      Statuses to include: ${ROLLOUT_STATUSES.join(', ')} (default: all)
  --export <file>      Write training data as JSON Lines: one line per LLM call of each finished
                       rollout, with its messages and tools (as AGL's TraceToMessages gives them) and
                       its triplet and reward (as AGL's TracerTraceToTriplet gives them)
  --format <text|json> Report format on stdout (default text)
  --concurrency <n>    Rollouts read at once, 1-64 (default 4)
  -h, --help           Show this help

Exit codes: 0 done, 1 store unreachable, 2 bad options, 130 interrupted.
`;

/** Reads `agl:analyze`'s command line; throws `UsageError` naming the flag on bad input. */
export function parseAnalyzeArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  nowSeconds: number,
  cwd: string,
): { kind: 'help' } | { kind: 'run'; args: AnalyzeArgs } {
  const values = readCommandFlags(argv, {
    export: { type: 'string' },
    format: { type: 'string' },
    concurrency: { type: 'string' },
  });
  if (values.help) return { kind: 'help' };
  const text = (name: string) => values[name] as string | undefined;
  const exportPath = text('export');
  if (exportPath !== undefined && exportPath.trim() === '') {
    throw new UsageError('--export needs a file name, e.g. --export data.jsonl.');
  }
  const formats =
    text('format') === undefined
      ? ['text']
      : parseChoices(text('format') as string, '--format', ['text', 'json']);
  if (formats.length > 1) throw new UsageError('--format takes one value: text or json.');
  return {
    kind: 'run',
    args: {
      endpoint: parseEndpointOption(values, env),
      filter: parseFilter(values, ROLLOUT_STATUSES, nowSeconds),
      exportPath: exportPath === undefined ? null : resolve(cwd, exportPath),
      format: formats[0] as 'text' | 'json',
      concurrency:
        text('concurrency') === undefined
          ? 4
          : parseInteger(text('concurrency') as string, '--concurrency', 1, 64),
    },
  };
}
