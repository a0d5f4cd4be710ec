import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { type AglVersion, ensureVenv, OFFLINE_ENV } from '@agl/testkit';

export interface PythonCase {
  url: string;
  workload: string;
  mode: 'client' | 'tracer';
  runs: number;
  concurrency?: number;
}

export interface PythonResult {
  spans: number;
  runs: number;
  seconds: number;
  concurrency: number;
  mode: string;
  aglVersion: string;
  /** 0.3 tracer: its OTLP client had to be pointed at the store (see the Python script). */
  otlpEndpointPatched?: boolean;
}

const SCRIPT = join(import.meta.dirname, 'python', 'agl_client_bench.py');

/**
 * AGL's own Python client in a long-lived process of that version's venv (its imports take
 * many seconds, so they happen once); cases are sent one at a time.
 */
export class PythonBench {
  readonly version: AglVersion;
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #lines: Interface;
  readonly #pending: Array<(line: string) => void> = [];
  #stderr = '';

  private constructor(version: AglVersion, python: string) {
    this.version = version;
    this.#child = spawn(python, [SCRIPT, '--serve'], { env: { ...process.env, ...OFFLINE_ENV } });
    this.#child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-20_000);
    });
    this.#lines = createInterface({ input: this.#child.stdout });
    this.#lines.on('line', (line) => {
      if (line.startsWith('{')) this.#pending.shift()?.(line);
    });
    this.#child.on('exit', () => {
      for (const waiter of this.#pending.splice(0))
        waiter(JSON.stringify({ error: this.#exitMessage() }));
    });
  }

  static async start(version: AglVersion): Promise<PythonBench> {
    const venv = await ensureVenv(version);
    const bench = new PythonBench(version, join(venv, 'bin', 'python'));
    const ready = JSON.parse(await bench.#nextLine()) as { ready?: boolean; error?: string };
    if (!ready.ready)
      throw new Error(`AGL ${version} Python benchmark did not start: ${ready.error ?? ''}`);
    return bench;
  }

  /** Runs one case; a case still running after `timeoutMs` ends this worker and fails. */
  async run(spec: PythonCase, timeoutMs = 600_000): Promise<PythonResult> {
    const answer = this.#nextLine();
    this.#child.stdin.write(`${JSON.stringify(spec)}\n`);
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), timeoutMs);
    try {
      const result = JSON.parse(await answer) as PythonResult & { error?: string };
      if (result.error) {
        throw new Error(`AGL ${this.version} Python ${spec.mode} case failed: ${result.error}`);
      }
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.#child.stdin.end();
    this.#child.kill('SIGTERM');
  }

  #nextLine(): Promise<string> {
    return new Promise((resolve) => this.#pending.push(resolve));
  }

  #exitMessage(): string {
    return `the Python process exited (${this.#child.exitCode ?? this.#child.signalCode})\n${this.#stderr}`;
  }
}
