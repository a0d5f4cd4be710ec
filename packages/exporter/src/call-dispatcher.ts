import type { AglStore } from '@agl/client';
import type { CallReport } from './call-report.ts';
import { planWork, type WorkItem } from './delivery-scheduler.ts';
import type { ResolvedOptions } from './options.ts';
import type { RunEvent } from './run-lifecycle.ts';
import type { RunBook, RunEntry } from './run-settlement.ts';
import type { RunState } from './run-state.ts';
import type { StoreGate } from './store-gate.ts';
import { performWork } from './work-calls.ts';

export interface DispatchHooks {
  /** Feeds an event to a run's lifecycle (a call started, or what its answer said). */
  apply(entry: RunEntry, event: RunEvent): void;
  error(what: string, error: unknown): void;
  /** Spans accepted but not yet placed in a run: the engine is not idle while there are any. */
  unplacedSpans(): number;
}

/**
 * Makes the store calls runs ask for: the scheduler picks them (oldest run first), this class
 * starts them within `maxConcurrentRequests` once the gate lets calls through, feeds each answer
 * back to its runs, and wakes whoever waits for the engine to go idle.
 */
export class CallDispatcher {
  readonly #options: ResolvedOptions;
  readonly #book: RunBook;
  readonly #gate: StoreGate;
  readonly #hooks: DispatchHooks;
  /** Runs that may have a call to make, in the order they asked. */
  readonly #wanting = new Set<RunEntry>();
  readonly #calling = new Set<RunEntry>();
  #inFlight = 0;
  #pumpQueued = false;
  #idleWaiters: Array<() => void> = [];

  constructor(options: ResolvedOptions, book: RunBook, gate: StoreGate, hooks: DispatchHooks) {
    this.#options = options;
    this.#book = book;
    this.#gate = gate;
    this.#hooks = hooks;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** The run may have a call to make: plan calls at the next microtask. */
  want(entry: RunEntry): void {
    this.#wanting.add(entry);
    this.#queuePump();
  }

  /** The run is gone from the book: stop asking it. */
  forget(entry: RunEntry): void {
    this.#wanting.delete(entry);
  }

  /** Starts the calls that can start now. */
  pump(): void {
    this.#pumpQueued = false;
    if (this.#gate.unusable) {
      for (const entry of this.#wanting) {
        this.#hooks.apply(entry, { type: 'abandon', reason: 'store_unusable' });
      }
      this.#wanting.clear();
      this.#checkIdle();
      return;
    }
    const store = this.#gate.open(Date.now());
    if (!store) {
      this.#checkIdle();
      return;
    }
    const otlp = this.#options.transport === 'otlp' && store.capabilities.otlpTraces;
    const plan = planWork(
      [...this.#wanting].map((entry) => entry.state),
      {
        slots: this.#options.maxConcurrentRequests - this.#inFlight,
        batchSize: otlp ? this.#options.maxBatchSpans : 1,
        maxRunsInProgress: this.#options.maxConcurrentRequests * 2,
      },
      (state) => this.#calling.has(this.#entry(state)),
    );
    for (const state of plan.idle) this.#wanting.delete(this.#entry(state));
    for (const item of plan.items) this.#call(store, item, otlp);
    this.#checkIdle();
  }

  /** Resolves when no call is wanted or in flight, or after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, timeoutMs);
      timer.unref();
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      this.#idleWaiters.push(finish);
      this.pump();
    });
  }

  #queuePump(): void {
    if (this.#pumpQueued) return;
    this.#pumpQueued = true;
    queueMicrotask(() => this.pump());
  }

  #call(store: AglStore, item: WorkItem, otlp: boolean): void {
    const entry = item.kind === 'deliver' ? undefined : this.#entry(item.run);
    if (item.kind === 'deliver') {
      for (const { run, span } of item.spans) {
        this.#hooks.apply(this.#entry(run), { type: 'sendStarted', spans: [span] });
      }
    } else if (entry) {
      this.#calling.add(entry);
      if (item.kind === 'create') this.#hooks.apply(entry, { type: 'createStarted' });
      if (item.kind === 'finish') this.#hooks.apply(entry, { type: 'finishStarted' });
    }
    this.#inFlight++;
    const describe = (run: RunState) => this.#entry(run).description;
    void performWork(store, item, describe, this.#options, otlp).then((report) => {
      this.#inFlight--;
      if (entry) this.#calling.delete(entry);
      this.#report(report);
    });
  }

  #entry(run: RunState): RunEntry {
    return this.#book.get(run.key) as RunEntry;
  }

  #report(report: CallReport): void {
    if (report.outage !== undefined) this.#hooks.error('store call', report.outage);
    this.#gate.report(report.outage, report.answered);
    for (const { what, error } of report.errors) this.#hooks.error(what, error);
    for (const [state, event] of report.events) {
      const entry = this.#book.get(state.key);
      if (entry) this.#hooks.apply(entry, event);
    }
    this.#queuePump();
  }

  #checkIdle(): void {
    if (this.#idleWaiters.length === 0) return;
    if (this.#wanting.size > 0 || this.#inFlight > 0 || this.#hooks.unplacedSpans() > 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
