import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AglStoreProcess, type AglVersion } from '@agl/testkit';

const CLOCK_TICKS =
  Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) the process has used so far, from /proc. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields we need follow its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/**
 * Fresh `agl store` processes, started ahead in the background (they take many seconds to import
 * their dependencies) but never while a case is measured: every case gets a store no one used.
 */
export class StorePool {
  readonly #waiting = new Map<AglVersion, Array<Promise<AglStoreProcess>>>();
  readonly #all: AglStoreProcess[] = [];
  readonly #parallel: number;
  #running = 0;
  readonly #queue: Array<() => void> = [];

  constructor(parallel = 3) {
    this.#parallel = parallel;
  }

  /** Starts `count` more stores of `version` (at most `parallel` starting at once). */
  prepare(version: AglVersion, count: number): void {
    const list = this.#waiting.get(version) ?? [];
    for (let i = 0; i < count; i++) list.push(this.#start(version));
    this.#waiting.set(version, list);
  }

  /** Waits until every prepared store is up, so nothing starts while a case runs. */
  async ready(): Promise<void> {
    await Promise.all([...this.#waiting.values()].flat());
  }

  /** A fresh store of `version`; one more is started if none was prepared. */
  async take(version: AglVersion): Promise<AglStoreProcess> {
    const list = this.#waiting.get(version) ?? [];
    const next = list.shift() ?? this.#start(version);
    this.#waiting.set(version, list);
    return next;
  }

  async stopAll(): Promise<void> {
    await Promise.allSettled([...this.#waiting.values()].flat());
    await Promise.allSettled(this.#all.map((store) => store.stop()));
  }

  async #start(version: AglVersion): Promise<AglStoreProcess> {
    if (this.#running >= this.#parallel) {
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
    this.#running++;
    try {
      const store = new AglStoreProcess({ version, startTimeoutMs: 300_000 });
      this.#all.push(store);
      return await store.start();
    } finally {
      this.#running--;
      this.#queue.shift()?.();
    }
  }
}
