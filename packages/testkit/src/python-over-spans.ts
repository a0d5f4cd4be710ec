import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AglVersion } from './agl-versions.ts';
import { OFFLINE_ENV } from './python-launch.ts';
import { ensureVenv } from './venv.ts';

const run = promisify(execFile);

/**
 * Runs a Python script in the AGL version's venv with one JSON file per span list as its
 * arguments (one process for all of them), and returns what it prints as JSON: the way tests
 * ask AGL's own adapters what they make of stored spans.
 */
export async function runPythonOverSpans<T>(
  version: AglVersion,
  script: string,
  spanLists: readonly unknown[][],
): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'agl-python-over-spans-'));
  try {
    const files = await Promise.all(
      spanLists.map(async (spans, index) => {
        const file = join(directory, `spans-${index}.json`);
        await writeFile(file, JSON.stringify(spans));
        return file;
      }),
    );
    const python = join(await ensureVenv(version), 'bin', 'python');
    const { stdout } = await run(python, [script, ...files], {
      env: { ...process.env, ...OFFLINE_ENV },
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as T;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
