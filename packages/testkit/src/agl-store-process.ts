import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { type AglVersion, DEFAULT_AGL_VERSION, healthPath } from './agl-versions.ts';
import { freePort } from './free-port.ts';
import { LogBuffer } from './log-buffer.ts';
import { OFFLINE_ENV, PYTHON_LAUNCHER } from './python-launch.ts';
import { ensureVenv } from './venv.ts';

export interface AglStoreOptions {
  /** AGL release to run; defaults to the newest supported one. */
  version?: AglVersion;
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** Interface for 0.3.x (`--host`). 0.2.x always binds 0.0.0.0. */
  host?: string;
  /** How long to wait for the health route after spawning. */
  startTimeoutMs?: number;
  /** Extra arguments for `agl store` (0.3.x flags such as `--cors-origin`). */
  extraArgs?: string[];
  /** Called with every chunk the server writes (stdout and stderr). */
  onOutput?: (chunk: string) => void;
}

/** A real `agl store` process from the project venv, on a loopback port. */
export class AglStoreProcess {
  readonly version: AglVersion;
  readonly log = new LogBuffer();
  #port: number | undefined;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  readonly #options: AglStoreOptions;

  constructor(options: AglStoreOptions = {}) {
    this.version = options.version ?? DEFAULT_AGL_VERSION;
    this.#port = options.port;
    this.#options = options;
  }

  get port(): number {
    if (this.#port === undefined) throw new Error('AGL store not started yet');
    return this.#port;
  }

  /** Base URL of the store, e.g. `http://127.0.0.1:4747`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return (
      this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null
    );
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Spawns the server and resolves once its health route answers. */
  async start(): Promise<this> {
    if (this.running) return this;
    const venv = await ensureVenv(this.version);
    this.#port ??= await freePort();
    const args = ['store', '--port', String(this.#port)];
    if (this.version !== '0.2.2') {
      args.push('--host', this.#options.host ?? '127.0.0.1', ...(this.#options.extraArgs ?? []));
    }
    const python = join(venv, 'bin', 'python');
    const child = spawn(python, ['-c', PYTHON_LAUNCHER, join(venv, 'bin', 'agl'), ...args], {
      env: { ...process.env, ...OFFLINE_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.#child = child;
    this.#exited = once(child, 'exit').then(() => undefined);
    const onData = (data: Buffer) => {
      const text = data.toString('utf8');
      this.log.write(text);
      this.#options.onOutput?.(text);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    await this.#waitHealthy(this.#options.startTimeoutMs ?? 60_000);
    return this;
  }

  /** Stops the server gracefully (SIGTERM, then SIGKILL after `graceMs`). */
  async stop(graceMs = 5_000): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    this.#signal('SIGTERM');
    const timer = setTimeout(() => this.#signal('SIGKILL'), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.#signal('SIGKILL');
    await this.#exited;
  }

  /** Starts a fresh server (empty store) on the same port. */
  async restart(): Promise<this> {
    await this.stop();
    return this.start();
  }

  #signal(signal: NodeJS.Signals): void {
    const pid = this.#child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }

  async #waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const url = this.url + healthPath(this.version);
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new Error(
          `agl store ${this.version} exited during start-up on port ${this.#port}` +
            (/address already in use|Another process/i.test(this.log.text())
              ? ' (the port is already in use)'
              : '') +
            `\n--- server log ---\n${this.log.text()}`,
        );
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
        const body = response.ok ? ((await response.json()) as { status?: unknown } | null) : null;
        const healthy = body?.status === 'ok';
        // A healthy answer from a process that is not ours means the port was taken.
        if (healthy && this.running) return;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.kill();
    throw new Error(
      `agl store ${this.version} did not become healthy within ${timeoutMs} ms\n--- server log ---\n${this.log.text()}`,
    );
  }
}

/** Starts a real store and returns it once healthy. */
export function startAglStore(options: AglStoreOptions = {}): Promise<AglStoreProcess> {
  return new AglStoreProcess(options).start();
}
