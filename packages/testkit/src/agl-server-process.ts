import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGL_SERVER_VERSION, type AglServerVersion } from './agl-versions.ts';
import { freePort } from './free-port.ts';
import { LogBuffer } from './log-buffer.ts';
import { PythonServerChild } from './python-server-child.ts';
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
  #server: PythonServerChild | undefined;
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
    return this.#server?.running ?? false;
  }

  /** Spawns the server and resolves once `/healthz` answers. */
  async start(): Promise<this> {
    if (this.running) return this;
    const venv = await ensureVenv(this.version);
    this.#port ??= await freePort();
    // Hydra writes a log and its config into the run directory: keep them out of the caller's cwd.
    this.#runDir ??= await mkdtemp(join(tmpdir(), 'agl-server-'));
    this.#server = await PythonServerChild.start({
      label: `agl-server ${this.version}`,
      venv,
      script: 'agl-server',
      args: [
        `host=${this.#options.host ?? '127.0.0.1'}`,
        `port=${this.#port}`,
        `key=${this.#options.key ?? ''}`,
        `default_proxy.model_name=${this.gatewayModel}`,
        `hydra.run.dir=${this.#runDir}`,
        'hydra.output_subdir=null',
        ...(this.#options.overrides ?? []),
      ],
      cwd: this.#runDir,
      port: this.#port,
      healthUrl: `${this.url}/healthz`,
      startTimeoutMs: this.#options.startTimeoutMs ?? 60_000,
      log: this.log,
      onOutput: this.#options.onOutput,
    });
    return this;
  }

  /** Stops the server gracefully (SIGTERM, then SIGKILL after `graceMs`) and removes its run folder. */
  async stop(graceMs = 5_000): Promise<void> {
    await this.#server?.stop(graceMs);
    if (this.#runDir) await rm(this.#runDir, { recursive: true, force: true });
    this.#runDir = undefined;
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    await this.#server?.kill();
  }
}

/** Starts a real agl-server and returns it once healthy. */
export function startAglServer(options: AglServerOptions = {}): Promise<AglServerProcess> {
  return new AglServerProcess(options).start();
}
