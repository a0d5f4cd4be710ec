import {
  ATTEMPT_STATUSES,
  type AttemptStatus,
  DEFAULT_ENDPOINT,
  ROLLOUT_MODES,
  type RolloutConfig,
  type RolloutMode,
} from '@agl/client';
import { endpoint, parseFlags, seconds, UsageError, wholeNumber } from './cli-args.ts';

export interface EnqueueArgs {
  help: boolean;
  endpoint: string;
  mode: RolloutMode;
  limit: number | undefined;
  ids: string[] | undefined;
  config: Partial<RolloutConfig> | undefined;
  resourcesId: string | undefined;
  wait: boolean;
  waitTimeoutMs: number;
}

export const ENQUEUE_USAGE = `Usage: pnpm agl:enqueue [options]

Puts the Post Analyzer dataset (30 labelled posts) into an Agent Lightning store as queued
rollouts, for workers (pnpm agl:worker) to run.

  --endpoint URL          AGL store (default $AGL_ENDPOINT or ${DEFAULT_ENDPOINT})
  --mode MODE             train, val or test (default train)
  --limit N               only the first N posts
  --ids ID,ID,…           only these posts (post-001 … post-030)
  --config JSON           rollout config, e.g. '{"max_attempts":2,"retry_condition":["failed"]}'
                          (keys: timeout_seconds, unresponsive_seconds, max_attempts,
                          retry_condition)
  --resources-id ID       run with this resources snapshot (default: AGL's latest)
  --wait                  wait until every rollout finished and print a summary
  --wait-timeout SECONDS  give up waiting after this long (default 600)
  -h, --help              show this text

Against an AGL 1.0 agl-server (detected), the posts become 1.0 rollouts (is_train unless the mode
is val or test; --config and --resources-id do not apply); AGL_KEY is sent when set.`;

const CONFIG_KEYS = ['timeout_seconds', 'unresponsive_seconds', 'max_attempts', 'retry_condition'];

/** Reads `--config`: a JSON object with RolloutConfig keys; errors name the key. */
export function parseRolloutConfig(text: string): Partial<RolloutConfig> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config must be JSON: ${(error as Error).message}.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--config must be a JSON object such as '{"max_attempts":2}'.`);
  }
  const config: Partial<RolloutConfig> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!CONFIG_KEYS.includes(key)) {
      throw new UsageError(`--config has an unknown key "${key}"; use ${CONFIG_KEYS.join(', ')}.`);
    }
    if (key === 'max_attempts') {
      if (!Number.isInteger(raw) || (raw as number) < 1) {
        throw new UsageError(
          `--config max_attempts must be a whole number ≥ 1, got ${JSON.stringify(raw)}.`,
        );
      }
      config.max_attempts = raw as number;
    } else if (key === 'retry_condition') {
      if (!Array.isArray(raw) || raw.some((s) => !ATTEMPT_STATUSES.includes(s))) {
        throw new UsageError(
          `--config retry_condition must be a list of ${ATTEMPT_STATUSES.join(', ')}, got ${JSON.stringify(raw)}.`,
        );
      }
      config.retry_condition = raw as AttemptStatus[];
    } else {
      if (raw !== null && (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0)) {
        throw new UsageError(
          `--config ${key} must be seconds > 0 or null, got ${JSON.stringify(raw)}.`,
        );
      }
      config[key as 'timeout_seconds' | 'unresponsive_seconds'] = raw as number | null;
    }
  }
  return config;
}

export function parseEnqueueArgs(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): EnqueueArgs {
  const flags = parseFlags(argv, {
    endpoint: { type: 'string' },
    mode: { type: 'string' },
    limit: { type: 'string' },
    ids: { type: 'string' },
    config: { type: 'string' },
    'resources-id': { type: 'string' },
    wait: { type: 'boolean' },
    'wait-timeout': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const mode = (flags.mode ?? 'train') as RolloutMode;
  if (!ROLLOUT_MODES.includes(mode)) {
    throw new UsageError(`--mode must be ${ROLLOUT_MODES.join(', ')}, got "${flags.mode}".`);
  }
  const ids = flags.ids
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids !== undefined && ids.length === 0)
    throw new UsageError('--ids must list at least one post id.');
  const resourcesId = flags['resources-id'];
  if (resourcesId !== undefined && !/^[^\s/]+$/.test(resourcesId)) {
    throw new UsageError(
      `--resources-id must be an id without spaces or "/", got "${resourcesId}".`,
    );
  }
  return {
    help: flags.help ?? false,
    endpoint: endpoint(flags.endpoint, env),
    mode,
    limit: wholeNumber('limit', flags.limit, 1),
    ids,
    config: flags.config === undefined ? undefined : parseRolloutConfig(flags.config),
    resourcesId,
    wait: flags.wait ?? false,
    waitTimeoutMs: seconds('wait-timeout', flags['wait-timeout']) ?? 600_000,
  };
}
