import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AnyAglVersion } from './agl-versions.ts';
import { findRepoRoot } from './repo-root.ts';

const run = promisify(execFile);

/**
 * Returns the project venv holding `agentlightning==version`, creating it on first use
 * (tooling/python/ensure-venv.sh; a few minutes cold, instant when it already matches its pins).
 * `AGL_VENV_<MAJOR>_<MINOR>` (e.g. AGL_VENV_0_3, AGL_VENV_1_0) points at an existing venv instead.
 */
export async function ensureVenv(version: AnyAglVersion): Promise<string> {
  const override = process.env[`AGL_VENV_${version.split('.').slice(0, 2).join('_')}`];
  if (override) return override;
  const script = join(findRepoRoot(), 'tooling', 'python', 'ensure-venv.sh');
  try {
    const { stdout } = await run('bash', [script, version], { maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim().split('\n').at(-1) ?? '';
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`Could not prepare the Python venv for AGL ${version}: ${stderr.trim()}`);
  }
}
