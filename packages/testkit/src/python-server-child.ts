import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { LogBuffer } from './log-buffer.ts';
import { OFFLINE_ENV, PYTHON_LAUNCHER } from './python-launch.ts';

export interface PythonServerLaunch {
  /** How errors name the server, e.g. `agl store 0.3.0`. */
  label: string;
  venv: string;
  /** The console script in the venv's `bin/` to become, e.g. `agl`. */
  script: string;
  args: string[];
  cwd?: string;
  port: number;
  /** Answers `{ "status": "ok" }` once the server is up. */
  healthUrl: string;
  startTimeoutMs: number;
  log: LogBuffer;
  onOutput?: ((chunk: string) => void) | undefined;
}

/** One AGL server process from a project venv: spawned in its own process group, stopped with it. */
export class PythonServerChild {
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;

  private constructor(child: ChildProcess) {
    this.#child = child;
    this.#exited = once(child, 'exit').then(() => undefined);
  }

  /** Spawns the server and resolves once its health URL answers. */
  static async start(launch: PythonServerLaunch): Promise<PythonServerChild> {
    const python = join(launch.venv, 'bin', 'python');
    const child = spawn(
      python,
      ['-c', PYTHON_LAUNCHER, join(launch.venv, 'bin', launch.script), ...launch.args],
      {
        env: { ...process.env, ...OFFLINE_ENV },
        ...(launch.cwd === undefined ? {} : { cwd: launch.cwd }),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    const server = new PythonServerChild(child);
    const onData = (data: Buffer) => {
      const text = data.toString('utf8');
      launch.log.write(text);
      launch.onOutput?.(text);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    await server.#waitHealthy(launch);
    return server;
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.#signal('SIGTERM');
    const timer = setTimeout(() => this.#signal('SIGKILL'), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }

  /** SIGKILL at once, as a crash would. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.#signal('SIGKILL');
    await this.#exited;
  }

  #signal(signal: NodeJS.Signals): void {
    const pid = this.#child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }

  async #waitHealthy(launch: PythonServerLaunch): Promise<void> {
    const deadline = Date.now() + launch.startTimeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        const portTaken = /address already in use|Another process/i.test(launch.log.text());
        throw new Error(
          `${launch.label} exited during start-up on port ${launch.port}` +
            (portTaken ? ' (the port is already in use)' : '') +
            `\n--- server log ---\n${launch.log.text()}`,
        );
      }
      try {
        const response = await fetch(launch.healthUrl, { signal: AbortSignal.timeout(1_000) });
        const body = response.ok ? ((await response.json()) as { status?: unknown } | null) : null;
        // A healthy answer from a process that is not ours means the port was taken.
        if (body?.status === 'ok' && this.running) return;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.kill();
    throw new Error(
      `${launch.label} did not become healthy within ${launch.startTimeoutMs} ms\n--- server log ---\n${launch.log.text()}`,
    );
  }
}
