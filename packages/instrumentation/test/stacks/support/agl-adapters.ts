import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Span } from '@agl/client';
import { type AglVersion, ensureVenv, findRepoRoot } from '@agl/testkit';

const run = promisify(execFile);

export interface AdapterMessage {
  role: string;
  content?: unknown;
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
}

export interface AdapterOutput {
  agentlightning: string;
  messages: Array<{ messages: AdapterMessage[]; tools: unknown[] | null }>;
  triplets: Array<{
    prompt: { token_ids: number[] };
    response: { token_ids: number[] };
    reward: number | null;
    metadata: { response_id: string | null; agent_name: string };
  }>;
}

/**
 * AGL's own `TraceToMessages` and `TracerTraceToTriplet` (in the version's project venv) over
 * each rollout's spans as the store returned them; one Python process for all rollouts.
 */
export async function runAglAdapters(
  version: AglVersion,
  rollouts: Span[][],
): Promise<AdapterOutput[]> {
  const script = join(findRepoRoot(), 'packages/converter/test/python/check_adapters.py');
  const directory = await mkdtemp(join(tmpdir(), 'agl-stack-adapters-'));
  try {
    const files = await Promise.all(
      rollouts.map(async (spans, index) => {
        const file = join(directory, `rollout-${index}.json`);
        await writeFile(file, JSON.stringify(spans));
        return file;
      }),
    );
    const python = join(await ensureVenv(version), 'bin', 'python');
    const { stdout } = await run(python, [script, ...files], {
      env: { ...process.env, LITELLM_LOCAL_MODEL_COST_MAP: 'True' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as AdapterOutput[];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
