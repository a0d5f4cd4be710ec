import { parseArgs } from 'node:util';
import { DEFAULT_ENDPOINT, parseStoreBaseUrl } from '@agl/client';

export { DEFAULT_ENDPOINT };
export const DEFAULT_INTERVAL_MS = 1_000;
export const DEFAULT_RECENT = 100;
const MIN_INTERVAL_MS = 100;

export interface MonitorOptions {
  endpoint: string;
  intervalMs: number;
  recent: number;
  once: boolean;
  dialect: '0.2' | '0.3' | null;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; options: MonitorOptions };

export const USAGE = `Usage: agl-monitor [options]

Live terminal dashboard of an Agent Lightning store: rollouts, spans, throughput, rewards.
An AGL 1.0 agl-server is detected and read too (its key from AGL_KEY); it keeps no spans.

Options:
  --endpoint <url>    Store URL (default: $AGL_ENDPOINT, else ${DEFAULT_ENDPOINT})
  --interval <time>   Poll interval: seconds (2, 0.5) or with a unit (500ms, 2s); default 1s
  --recent <n>        Newest rollouts listed in the table (default ${DEFAULT_RECENT})
  --dialect <0.2|0.3> Skip detection and speak this AGL dialect
  --once              Print one snapshot table and exit (automatic when stdout is not a terminal)
  -h, --help          Show this help
`;

/** A usage mistake: the message says what was wrong and what to do. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A monitor that polls less than hourly shows nothing live; longer also overflows timers. */
const MAX_INTERVAL_MS = 3_600_000;

/** Parses `500ms`, `2s`, `1.5` (seconds) into milliseconds. */
export function parseInterval(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/.exec(text);
  if (!match) {
    throw new UsageError(
      `--interval "${text}" is not a duration. Use seconds (2, 0.5) or a unit (500ms, 2s).`,
    );
  }
  const value = Number(match[1]);
  const ms = match[2] === 'ms' ? value : value * 1_000;
  if (ms < MIN_INTERVAL_MS) {
    throw new UsageError(`--interval must be at least ${MIN_INTERVAL_MS}ms, got "${text}".`);
  }
  if (ms > MAX_INTERVAL_MS) {
    throw new UsageError(`--interval must be at most 1 hour (3600s), got "${text}".`);
  }
  return ms;
}

export function parseEndpoint(text: string): string {
  const parsed = parseStoreBaseUrl(text);
  if (!parsed.ok) throw new UsageError(`--endpoint ${parsed.problem}`);
  return parsed.baseUrl;
}

function parseRecent(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 10_000) {
    throw new UsageError(`--recent must be a whole number from 1 to 10000, got "${text}".`);
  }
  return value;
}

function parseDialect(text: string): '0.2' | '0.3' {
  const value = text.trim();
  if (value === '0.2' || value === '0.2.2') return '0.2';
  if (value === '0.3' || value === '0.3.0') return '0.3';
  throw new UsageError(`--dialect must be 0.2 or 0.3, got "${text}".`);
}

/** Reads the command line and `AGL_ENDPOINT`; throws `UsageError` on bad input. */
export function parseMonitorArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        endpoint: { type: 'string' },
        interval: { type: 'string' },
        recent: { type: 'string' },
        dialect: { type: 'string' },
        once: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (values.help) return { kind: 'help' };
  const endpointText =
    (values.endpoint as string | undefined) ?? (env.AGL_ENDPOINT?.trim() || DEFAULT_ENDPOINT);
  return {
    kind: 'run',
    options: {
      endpoint: parseEndpoint(endpointText),
      intervalMs:
        values.interval === undefined
          ? DEFAULT_INTERVAL_MS
          : parseInterval(values.interval as string),
      recent: values.recent === undefined ? DEFAULT_RECENT : parseRecent(values.recent as string),
      dialect: values.dialect === undefined ? null : parseDialect(values.dialect as string),
      once: values.once === true,
    },
  };
}
