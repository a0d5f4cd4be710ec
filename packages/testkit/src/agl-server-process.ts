import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGL_SERVER_VERSION, type AglServerVersion } from './agl-versions.ts';
import { freePort } from './free-port.ts';
import { LogBuffer } from './log-buffer.ts';
import { OFFLINE_ENV, PYTHON_LAUNCHER } from './python-launch.ts';
import { ensureVenv } from './venv.ts';

export interface AglServerOptions {
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** Interface to bind. agl-server's own default is 0.0.0.0; ours is loopback. */
  host?: string;
  /** Bearer key the server demands on every route but /healthz; none by default. */
  key?: string;
  /** Model name the gateway routes to (and writes into every forwarded request). */
  gatewayModel?: string;
  /** Extra Hydra overrides, e.g. `default_proxy.train.temperature=0.5`. */
  overrides?: string[];
  startTimeoutMs?: number;
  /** Called with every chunk the server writes (stdout and stderr). */
  onOutput?: (chunk: string) => void;
}

/** The gateway model name the test kit configures unless told otherwise. */
export const DEFAULT_GATEWAY_MODEL = 'offline-model';

/** A real AGL 1.x `agl-server` (rollouts, events, model gateway) from the project venv, on loopback. */
export class AglServerProcess {
  readonly version: AglServerVersion = AGL_SERVER_VERSION;
  readonly log = new LogBuffer();
  readonly gatewayModel: string;
  #port: number | undefined;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  #runDir: string | undefined;
  readonly #options: AglServerOptions;

  constructor(options: AglServerOptions = {}) {
    this.#port = options.port;
    this.gatewayModel = options.gatewayModel ?? DEFAULT_GATEWAY_MODEL;
    this.#options = options;
  }

  get port(): number {
    if (this.#port === undefined) throw new Error('agl-server not started yet');
    return this.#port;
  }

  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get key(): string | undefined {
    return this.#options.key;
  }

  get running(): boolean {
    return (
      this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null
    );
  }

  /** Spawns the server and resolves once `/healthz` answers. */
  async start(): Promise<this> {
    if (this.running) return this;
    const venv = await ensureVenv(this.version);
    this.#port ??= await freePort();
    // Hydra writes a log and its config into the run directory: keep them out of the caller's cwd.
    this.#runDir ??= await mkdtemp(join(tmpdir(), 'agl-server-'));
    const overrides = [
      `host=${this.#options.host ?? '127.0.0.1'}`,
      `port=${this.#port}`,
      `key=${this.#options.key ?? ''}`,
      `default_proxy.model_name=${this.gatewayModel}`,
      `hydra.run.dir=${this.#runDir}`,
      'hydra.output_subdir=null',
      ...(this.#options.overrides ?? []),
    ];
    const python = join(venv, 'bin', 'python');
    const child = spawn(
      python,
      ['-c', PYTHON_LAUNCHER, join(venv, 'bin', 'agl-server'), ...overrides],
      {
        env: { ...process.env, ...OFFLINE_ENV },
        cwd: this.#runDir,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
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

  /** Stops the server gracefully (SIGTERM, then SIGKILL after `graceMs`) and removes its run folder. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.#child && this.running) {
      this.#signal('SIGTERM');
      const timer = setTimeout(() => this.#signal('SIGKILL'), graceMs);
      await this.#exited;
      clearTimeout(timer);
    }
    if (this.#runDir) await rm(this.#runDir, { recursive: true, force: true });
    this.#runDir = undefined;
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.#signal('SIGKILL');
    await this.#exited;
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
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new Error(
          `agl-server ${this.version} exited during start-up on port ${this.#port}` +
            (/address already in use/i.test(this.log.text())
              ? ' (the port is already in use)'
              : '') +
            `\n--- server log ---\n${this.log.text()}`,
        );
      }
      try {
        const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
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
      `agl-server ${this.version} did not become healthy within ${timeoutMs} ms\n--- server log ---\n${this.log.text()}`,
    );
  }
}

/** Starts a real agl-server and returns it once healthy. */
export function startAglServer(options: AglServerOptions = {}): Promise<AglServerProcess> {
  return new AglServerProcess(options).start();
}
