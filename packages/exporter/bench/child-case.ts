import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const RESULT = 'BENCH-RESULT ';
const EVENT = 'BENCH-EVENT ';

/**
 * Child side: runs `main` with the JSON arguments from argv and prints its result for the
 * parent. Each measured case runs in its own Node process, so one case's heap, timers and JIT
 * state cannot colour the next one.
 */
export function runAsCase<A, R>(main: (args: A) => Promise<R>): void {
  const args = JSON.parse(process.argv[2] ?? '{}') as A;
  main(args).then(
    (result) => {
      process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Child side: tells the parent something happened now (e.g. "generating"). */
export function emitEvent(name: string, data: Record<string, unknown> = {}): void {
  process.stdout.write(`${EVENT}${JSON.stringify({ name, at: Date.now(), ...data })}\n`);
}

export interface CaseEvent {
  name: string;
  at: number;
  [key: string]: unknown;
}

export interface RunCaseOptions {
  nodeFlags?: string[];
  timeoutMs?: number;
  onEvent?: (event: CaseEvent) => void;
  /** Forward the child's stderr (progress, errors) to ours. */
  verbose?: boolean;
}

/** Parent side: runs a case script in a fresh Node process and returns its result. */
export function runCase<R>(
  script: string,
  args: unknown,
  options: RunCaseOptions = {},
): Promise<R> {
  const child = spawn(
    process.execPath,
    ['--conditions=@agl/source', ...(options.nodeFlags ?? []), script, JSON.stringify(args)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderr = (stderr + text).slice(-20_000);
    if (options.verbose) process.stderr.write(text);
  });
  let result: R | undefined;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.startsWith(RESULT)) result = JSON.parse(line.slice(RESULT.length)) as R;
    else if (line.startsWith(EVENT))
      options.onEvent?.(JSON.parse(line.slice(EVENT.length)) as CaseEvent);
    else if (options.verbose) process.stderr.write(`${line}\n`);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result !== undefined) resolve(result);
      else {
        const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
        reject(new Error(`benchmark case ${script} ${how}\n--- its stderr ---\n${stderr}`));
      }
    });
  });
}
