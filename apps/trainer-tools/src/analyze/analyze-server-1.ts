import { AglServerClient, detectAgl } from '@agl/client';
import { collectServer1Snapshot, formatServer1Snapshot, trainingRecord } from '@agl/snapshot';
import pMap from 'p-map';
import type { CliIo } from '../cli/run-cli.ts';
import type { JsonlFile } from './jsonl-file.ts';

/** True when `endpoint` is an AGL 1.x agl-server (not an `agl store`). */
export async function isServer1(endpoint: string): Promise<boolean> {
  const detected = await detectAgl(endpoint, { probeTimeoutMs: 3_000 }).catch(() => null);
  return detected?.version === '1.0';
}

/**
 * `agl:analyze` against AGL 1.0: the server's summary, and with an export file one JSONL line per
 * succeeded rollout with AGL's triplets (token ids of every gateway call) and its reward.
 */
export async function analyzeServer1(
  endpoint: string,
  io: CliIo,
  options: { json: boolean; exportFile: JsonlFile | null; concurrency: number },
): Promise<void> {
  const key = io.env.AGL_KEY || undefined;
  const client = new AglServerClient(endpoint, key ? { key } : {});
  const snapshot = await collectServer1Snapshot(client, { concurrency: options.concurrency });
  let exported = 0;
  if (options.exportFile) {
    const succeeded = await client.listRollouts(['succeeded'], 1_000_000);
    const records = await pMap(succeeded, (rollout) => trainingRecord(client, rollout), {
      concurrency: options.concurrency,
    });
    for (const record of records) {
      await options.exportFile.write(record);
      exported += 1;
    }
  }
  const exportLine = options.exportFile
    ? `Exported ${exported} succeeded rollouts to ${options.exportFile.path}\n`
    : '';
  io.stdout.write(
    options.json
      ? `${JSON.stringify({ ...snapshot, exported }, null, 2)}\n`
      : `${formatServer1Snapshot(snapshot)}${exportLine}`,
  );
}
