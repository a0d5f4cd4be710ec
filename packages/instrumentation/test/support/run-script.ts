import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript file from this package in a fresh Node process (its own OTel globals). */
export function runScript(
  relativePath: string,
  env: Record<string, string | undefined>,
  options: {
    args?: string[];
    whenOutput?: (stdout: string, child: { kill(signal: NodeJS.Signals): void }) => void;
    timeoutMs?: number;
  } = {},
): Promise<ScriptResult> {
  const file = fileURLToPath(new URL(`../../${relativePath}`, import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=@agl/source', file, ...(options.args ?? [])],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let notified = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!notified && options.whenOutput && stdout.includes('\n')) {
      notified = true;
      options.whenOutput(stdout, child);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The first JSON line a script printed. */
export function firstJson<T>(stdout: string): T {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('{'));
  if (!line) throw new Error(`no JSON line in output:\n${stdout}`);
  return JSON.parse(line) as T;
}
