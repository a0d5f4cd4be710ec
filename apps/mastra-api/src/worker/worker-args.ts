import { DEFAULT_ENDPOINT } from '@agl/client';
import { endpoint, parseFlags, seconds, UsageError, wholeNumber } from './cli-args.ts';

export interface WorkerArgs {
  help: boolean;
  endpoint: string;
  /** Worker loops in this process, each with its own worker id. */
  workers: number;
  /** Runs at the same time per worker loop. */
  concurrency: number;
  pollIntervalMs: number;
  /** One per loop: the given id, suffixed `-1` … `-N` when there are several loops. */
  workerIds: string[];
  /** Exit after this many rollouts in total; undefined = run until stopped. */
  maxRollouts: number | undefined;
  drainTimeoutMs: number;
  heartbeatIntervalMs: number;
  llmResource: string | undefined;
  promptResource: string | undefined;
}

export const WORKER_USAGE = `Usage: pnpm agl:worker [options]

Dequeues Post Analyzer rollouts from an Agent Lightning store, runs the agent on each with the
model AGL's resources name (or the configured model when AGL publishes none), stores the spans
and the reward in the rollout, and finishes each attempt. SIGTERM/Ctrl-C drains; twice exits.

  --endpoint URL            AGL store (default $AGL_ENDPOINT or ${DEFAULT_ENDPOINT})
  --workers N               worker loops in this process, one worker id each (default 1, at most 64)
  --concurrency N           runs at the same time per worker loop (default 1, at most 64)
  --poll-interval SECONDS   pause while the queue is empty (default 2)
  --worker-id ID            worker id (default worker-<pid>; -1…-N added with --workers > 1)
  --max-rollouts N          exit after N rollouts in total (default: run until stopped)
  --drain-timeout SECONDS   on SIGTERM, how long runs may take to finish (default 30)
  --heartbeat-interval SECONDS
                            attempt heartbeat (default 10; a third of unresponsive_seconds
                            when a rollout's is shorter)
  --llm-resource NAME       AGL resource to take the model from (default: the first LLM)
  --prompt-resource NAME    AGL prompt template to use (default: the first one, if any)
  -h, --help                show this text

The model without AGL resources comes from AGL_LLM_* like the API (offline model without a key).
Against an AGL 1.0 agl-server (detected): claims queued rollouts and runs them through its
model gateway; AGL_KEY is sent when set.`;

const ID = /^[^\s/]+$/;
/** Each loop runs the agent in this process: more than this only fights over the CPU. */
export const MAX_WORKERS = 64;
export const MAX_CONCURRENCY = 64;
/** Waits longer than an hour look like a unit mistake (milliseconds given as seconds). */
const MAX_WAIT_SECONDS = 3_600;

export function parseWorkerArgs(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  pid: number = process.pid,
): WorkerArgs {
  const flags = parseFlags(argv, {
    endpoint: { type: 'string' },
    workers: { type: 'string' },
    concurrency: { type: 'string' },
    'poll-interval': { type: 'string' },
    'worker-id': { type: 'string' },
    'max-rollouts': { type: 'string' },
    'drain-timeout': { type: 'string' },
    'heartbeat-interval': { type: 'string' },
    'llm-resource': { type: 'string' },
    'prompt-resource': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const workers = wholeNumber('workers', flags.workers, 1, MAX_WORKERS) ?? 1;
  const baseId = flags['worker-id'] ?? `worker-${pid}`;
  if (!ID.test(baseId)) {
    throw new UsageError(`--worker-id must be non-empty, without spaces or "/", got "${baseId}".`);
  }
  for (const flag of ['llm-resource', 'prompt-resource'] as const) {
    if (flags[flag]?.trim() === '') throw new UsageError(`--${flag} must not be empty.`);
  }
  return {
    help: flags.help ?? false,
    endpoint: endpoint(flags.endpoint, env),
    workers,
    concurrency: wholeNumber('concurrency', flags.concurrency, 1, MAX_CONCURRENCY) ?? 1,
    pollIntervalMs: seconds('poll-interval', flags['poll-interval'], MAX_WAIT_SECONDS) ?? 2_000,
    workerIds:
      workers === 1 ? [baseId] : Array.from({ length: workers }, (_, i) => `${baseId}-${i + 1}`),
    maxRollouts: wholeNumber('max-rollouts', flags['max-rollouts'], 1),
    drainTimeoutMs: seconds('drain-timeout', flags['drain-timeout'], MAX_WAIT_SECONDS) ?? 30_000,
    heartbeatIntervalMs:
      seconds('heartbeat-interval', flags['heartbeat-interval'], MAX_WAIT_SECONDS) ?? 10_000,
    llmResource: flags['llm-resource'],
    promptResource: flags['prompt-resource'],
  };
}
