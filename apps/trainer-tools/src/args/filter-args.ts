import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import type { RolloutStatus } from '@agl/client';
import type { RolloutFilter } from '../rollouts/rollout-filter.ts';
import {
  DEFAULT_ENDPOINT,
  parseChoices,
  parseEndpoint,
  parseList,
  parseTime,
  UsageError,
} from './parse-values.ts';

/** The `parseArgs` option specs of the flags shared by both commands. */
const FILTER_OPTIONS = {
  endpoint: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  agent: { type: 'string' },
  status: { type: 'string' },
  ids: { type: 'string' },
} as const;

export type FlagValues = Record<string, string | boolean | undefined>;

/** Parses the shared filter flags, `--help` and a command's own flags; a bad flag is a `UsageError`. */
export function readCommandFlags(
  argv: readonly string[],
  ownOptions: ParseArgsOptionsConfig,
): FlagValues {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { ...FILTER_OPTIONS, ...ownOptions, help: { type: 'boolean', short: 'h' } },
    });
    return values as FlagValues;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. See --help.`);
  }
}

export const FILTER_USAGE = `  --endpoint <url>     AGL store (default: $AGL_ENDPOINT, else ${DEFAULT_ENDPOINT})
  --since <time>       Rollouts started at or after: ISO date/time (2025-01-31, 2025-01-31T12:00Z)
                       or a duration ago (90s, 30m, 1h, 2d, 1w)
  --until <time>       Rollouts started before (same forms)
  --agent <names>      Comma-separated agent names (rollout metadata agent_name, else the agent span)
  --ids <ids>          Comma-separated rollout ids`;

/** Reads the shared filter flags; statuses must be among `acceptedStatuses`. */
export function parseFilter(
  values: Record<string, unknown>,
  acceptedStatuses: readonly RolloutStatus[],
  nowSeconds: number,
): RolloutFilter {
  const text = (name: string) => values[name] as string | undefined;
  const since =
    text('since') === undefined ? null : parseTime(text('since') as string, '--since', nowSeconds);
  const until =
    text('until') === undefined ? null : parseTime(text('until') as string, '--until', nowSeconds);
  if (since !== null && until !== null && since >= until) {
    throw new UsageError(
      `--since (${new Date(since * 1000).toISOString()}) must be before --until (${new Date(until * 1000).toISOString()}).`,
    );
  }
  return {
    since,
    until,
    agents: text('agent') === undefined ? null : parseList(text('agent') as string, '--agent'),
    statuses:
      text('status') === undefined
        ? null
        : parseChoices(text('status') as string, '--status', acceptedStatuses),
    ids: text('ids') === undefined ? null : parseList(text('ids') as string, '--ids'),
  };
}

/** `--endpoint`, else `AGL_ENDPOINT`, else the default; a bad value names where it came from. */
export function parseEndpointOption(
  values: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const flag = values.endpoint as string | undefined;
  if (flag !== undefined) return parseEndpoint(flag, '--endpoint');
  const fromEnv = env.AGL_ENDPOINT?.trim();
  return fromEnv ? parseEndpoint(fromEnv, 'AGL_ENDPOINT') : DEFAULT_ENDPOINT;
}
