import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs one of the app's CLIs (`src/worker/cli-worker.ts` …) as a child process, from source. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): CliProcess {
  const child = spawn(process.execPath, ['--conditions=@agl/source', script, ...args], {
    cwd: APP_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, output: () => output, exited };
}

/** Kills what is still running (test clean-up). */
export async function killAll(processes: CliProcess[]): Promise<void> {
  for (const process of processes) {
    if (process.child.exitCode === null && process.child.signalCode === null)
      process.child.kill('SIGKILL');
  }
  await Promise.all(processes.map((process) => process.exited));
}
