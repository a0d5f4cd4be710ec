import { type AglVersion, DEFAULT_AGL_VERSION, healthPath } from './agl-versions.ts';
import { freePort } from './free-port.ts';
import { LogBuffer } from './log-buffer.ts';
import { PythonServerChild } from './python-server-child.ts';
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
  #server: PythonServerChild | undefined;
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
    return this.#server?.running ?? false;
  }

  get pid(): number | undefined {
    return this.#server?.pid;
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
    this.#server = await PythonServerChild.start({
      label: `agl store ${this.version}`,
      venv,
      script: 'agl',
      args,
      port: this.#port,
      healthUrl: this.url + healthPath(this.version),
      startTimeoutMs: this.#options.startTimeoutMs ?? 60_000,
      log: this.log,
      onOutput: this.#options.onOutput,
    });
    return this;
  }

  /** Stops the server gracefully (SIGTERM, then SIGKILL after `graceMs`). */
  async stop(graceMs = 5_000): Promise<void> {
    await this.#server?.stop(graceMs);
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    await this.#server?.kill();
  }

  /** Starts a fresh server (empty store) on the same port. */
  async restart(): Promise<this> {
    await this.stop();
    return this.start();
  }
}

/** Starts a real store and returns it once healthy. */
export function startAglStore(options: AglStoreOptions = {}): Promise<AglStoreProcess> {
  return new AglStoreProcess(options).start();
}
