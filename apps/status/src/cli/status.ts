// `pnpm agl:status`: prints the state of an AGL store once and exits (1 when it is unreachable).
import { parseArgs } from 'node:util';
import { DEFAULT_ENDPOINT } from '@agl/client';
import { collectSnapshot, describeUnreachable, displayEndpoint } from '@agl/snapshot';
import { ConfigError, parseEndpoint } from '../config.ts';
import { formatStatus, formatUnreachable } from '../format-status.ts';
import { connectStore } from '../store-client.ts';
import { isStoreFailure } from '../store-failure.ts';
import { statusOfServer1 } from './status-server-1.ts';

const USAGE = `Usage: pnpm agl:status [--json] [--endpoint URL] [--recent N]

Prints whether the AGL store answers, its version, rollouts by status, spans, rewards readiness
and the latest rollouts. Exits 1 when the store is unreachable. Against an AGL 1.0
agl-server (AGL_KEY for its key): rollouts by state, gateway model calls and reward events.

  --json          print the same JSON as GET /api/status
  --endpoint URL  the store (default: AGL_ENDPOINT, else ${DEFAULT_ENDPOINT})
  --recent N      how many latest rollouts to list (default 10)`;

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the command with the given arguments and environment; never exits the process. */
export async function runStatusCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  now: () => number = Date.now,
): Promise<CliResult> {
  let values: { json?: boolean; endpoint?: string; recent?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        endpoint: { type: 'string' },
        recent: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `agl:status: ${(error as Error).message}\n\n${USAGE}\n`,
    };
  }
  if (values.help) return { exitCode: 0, stdout: `${USAGE}\n`, stderr: '' };
  let endpoint: string;
  let recent: number;
  try {
    endpoint =
      values.endpoint === undefined
        ? parseEndpoint(env.AGL_ENDPOINT, 'AGL_ENDPOINT')
        : parseEndpoint(values.endpoint, '--endpoint');
    recent = Number(values.recent ?? '10');
    if (!/^\d+$/.test(values.recent ?? '10') || recent > 200) {
      throw new ConfigError('--recent', `"${values.recent}" is not a whole number from 0 to 200`);
    }
  } catch (error) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `agl:status: ${(error as Error).message}\n\n${USAGE}\n`,
    };
  }

  const hint =
    `Start AGL with \`pnpm agl:server\`, or point to a running store with --endpoint URL ` +
    `or AGL_ENDPOINT (now ${displayEndpoint(endpoint)}).`;
  const server1 = await statusOfServer1(endpoint, {
    json: values.json === true,
    recent,
    key: env.AGL_KEY || undefined,
    now,
  });
  if (server1) return server1;
  let store: Awaited<ReturnType<typeof connectStore>> | undefined;
  try {
    store = await connectStore(endpoint);
    // One report: read every finished rollout so the rewards count is whole at any store size.
    const snapshot = await collectSnapshot(store, {
      recent,
      now,
      maxSpanFetches: Number.POSITIVE_INFINITY,
    });
    return values.json
      ? { exitCode: 0, stdout: `${JSON.stringify(snapshot, null, 2)}\n`, stderr: '' }
      : { exitCode: 0, stdout: formatStatus(snapshot, now()), stderr: '' };
  } catch (error) {
    if (!isStoreFailure(error)) throw error;
    const unreachable = describeUnreachable(endpoint, error, { now: now(), hint });
    return values.json
      ? { exitCode: 1, stdout: `${JSON.stringify(unreachable, null, 2)}\n`, stderr: '' }
      : { exitCode: 1, stdout: '', stderr: formatUnreachable(unreachable) };
  } finally {
    await store?.close();
  }
}

if (import.meta.main) {
  const result = await runStatusCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
