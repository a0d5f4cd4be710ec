import { AglServerClient, detectAgl } from '@agl/client';
import { collectServer1Snapshot, formatServer1Snapshot } from '@agl/snapshot';
import type { CliResult } from './status.ts';

/**
 * `agl:status` against an AGL 1.x agl-server (rollouts, gateway calls, rewards; no spans), or
 * null when the endpoint is not one, so the store report runs instead.
 */
export async function statusOfServer1(
  endpoint: string,
  options: { json: boolean; recent: number; key: string | undefined; now: () => number },
): Promise<CliResult | null> {
  const detected = await detectAgl(endpoint, { probeTimeoutMs: 3_000 }).catch(() => null);
  if (detected?.version !== '1.0') return null;
  const client = new AglServerClient(endpoint, options.key ? { key: options.key } : {});
  try {
    const snapshot = await collectServer1Snapshot(client, {
      recent: options.recent,
      now: options.now,
    });
    return options.json
      ? { exitCode: 0, stdout: `${JSON.stringify(snapshot, null, 2)}\n`, stderr: '' }
      : { exitCode: 0, stdout: formatServer1Snapshot(snapshot), stderr: '' };
  } catch (error) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `agl:status: AGL 1.0 server at ${endpoint}: ${(error as Error).message}\n`,
    };
  }
}
