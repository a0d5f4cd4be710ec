import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { RunDescription } from './rollout-request.ts';
import type { RunState } from './run-state.ts';

/** One admitted (or refused) run, with what the engine knows of it. */
export interface RunEntry {
  state: RunState;
  description: RunDescription;
  /** Resolves once the run is final in AGL (or given up). */
  settled: Promise<void>;
  settle(): void;
  settledAt: number | undefined;
  /** Room taken in the queue for this run's spans, given back when it settles. */
  takenSpans: number;
  takenBytes: number;
  /** Ended tool spans converted after the model call that issued them (see tool-span-order). */
  waitingToolSpans: ReadableSpan[];
}

/**
 * The runs the engine knows, by key and by trace, with a settled promise per run and
 * waiters for a trace's rollout id (what an API hands back to its caller).
 */
export class RunBook {
  readonly #runs = new Map<string, RunEntry>();
  readonly #byTrace = new Map<string, RunEntry[]>();
  readonly #rolloutWaiters = new Map<string, Set<() => void>>();

  get size(): number {
    return this.#runs.size;
  }

  get(key: string): RunEntry | undefined {
    return this.#runs.get(key);
  }

  values(): IterableIterator<RunEntry> {
    return this.#runs.values();
  }

  add(state: RunState): RunEntry {
    let settle: () => void = () => {};
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const entry: RunEntry = {
      state,
      description: { root: undefined, rootEnded: false, fallbackInput: undefined },
      settled,
      settle: () => {
        entry.settledAt ??= Date.now();
        settle();
      },
      settledAt: undefined,
      takenSpans: 0,
      takenBytes: 0,
      waitingToolSpans: [],
    };
    this.#runs.set(state.key, entry);
    const ofTrace = this.#byTrace.get(state.traceId);
    if (ofTrace) ofTrace.push(entry);
    else this.#byTrace.set(state.traceId, [entry]);
    return entry;
  }

  delete(entry: RunEntry): void {
    this.#runs.delete(entry.state.key);
    const ofTrace = this.#byTrace.get(entry.state.traceId)?.filter((other) => other !== entry);
    if (ofTrace && ofTrace.length > 0) this.#byTrace.set(entry.state.traceId, ofTrace);
    else this.#byTrace.delete(entry.state.traceId);
  }

  /** The runs of a trace, oldest first. */
  ofTrace(traceId: string): readonly RunEntry[] {
    return this.#byTrace.get(traceId) ?? [];
  }

  /** The rollout id of the newest run of a trace that has one. */
  rolloutIdOf(traceId: string): string | undefined {
    const runs = this.ofTrace(traceId);
    for (let i = runs.length - 1; i >= 0; i--) {
      const id = runs[i]?.state.rolloutId;
      if (id) return id;
    }
    return undefined;
  }

  /** Resolves true when a rollout of `traceId` is created, false after `timeoutMs`. */
  whenRolloutOf(traceId: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiters = this.#rolloutWaiters.get(traceId) ?? new Set();
      this.#rolloutWaiters.set(traceId, waiters);
      const done = (found: boolean) => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0) this.#rolloutWaiters.delete(traceId);
        resolve(found);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      timer.unref();
      waiters.add(wake);
    });
  }

  /** Tells waiters of a trace that its rollout exists (or that they should give up). */
  wakeRolloutWaiters(traceId?: string): void {
    const traces = traceId === undefined ? [...this.#rolloutWaiters.keys()] : [traceId];
    for (const trace of traces) {
      for (const wake of [...(this.#rolloutWaiters.get(trace) ?? [])]) wake();
    }
  }
}
