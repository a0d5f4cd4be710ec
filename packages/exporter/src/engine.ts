import { type AglSpanConverter, createAglSpanConverter } from '@agl/converter';
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import type { CallReport } from './call-report.ts';
import { planWork, type WorkItem } from './delivery-scheduler.ts';
import { EngineWarnings, message } from './engine-warnings.ts';
import { type DropReason, type ExporterStats, emptyStats } from './exporter-stats.ts';
import {
  type FlushableRun,
  type FlushRunResult,
  type FlushTarget,
  flushResult,
  runsOfTarget,
  summarize,
} from './flush-run.ts';
import { joinedIds } from './joined-ids.ts';
import type { ResolvedOptions } from './options.ts';
import { prepareSpan } from './prepared-span.ts';
import { RetryBackoff } from './retry-backoff.ts';
import { createRollout, fetchSequenceBase, finishRollout } from './rollout-calls.ts';
import { rolloutInput, runOutcome } from './rollout-info.ts';
import { type RunAdmission as Admission, RunAdmission } from './run-admission.ts';
import { RunControls } from './run-controls.ts';
import type { RunRef } from './run-index.ts';
import { type RunCommand, type RunEvent, step } from './run-lifecycle.ts';
import { type RunBook as Book, RunBook, type RunEntry } from './run-settlement.ts';
import { isFinal, newRunState } from './run-state.ts';
import { deliverSpans } from './span-delivery.ts';
import { FINISHED_RUN_LINGER_MS, SpanIntake } from './span-intake.ts';
import { StoreConnection } from './store-connection.ts';

const SWEEP_INTERVAL_MS = 1_000;
const PROBE_INTERVAL_MS = 500;

/**
 * The exporter's engine: spans come in through the intake, runs are admitted whole, each run's
 * rollout follows its pure lifecycle, and the scheduler makes the calls, oldest run first,
 * within `maxConcurrentRequests`. It owns its timers, its retries and a once-only shutdown.
 */
export class Engine {
  readonly #options: ResolvedOptions;
  readonly #converter: AglSpanConverter;
  readonly #intake: SpanIntake;
  readonly #book: Book = new RunBook();
  readonly #admission: Admission;
  readonly #backoff: RetryBackoff;
  readonly #connection: StoreConnection;
  readonly #warnings: EngineWarnings;
  readonly #controls: RunControls;
  readonly #stats: ExporterStats = emptyStats();
  /** Runs that may have a call to make, in the order they asked. */
  readonly #wanting = new Set<RunEntry>();
  readonly #calling = new Set<RunEntry>();
  #inFlight = 0;
  #pumpQueued = false;
  #wakeTimer: NodeJS.Timeout | undefined;
  readonly #sweepTimer: NodeJS.Timeout;
  #idleWaiters: Array<() => void> = [];
  #shutdown: Promise<void> | undefined;
  #closed = false;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.#converter = createAglSpanConverter(options.converter);
    this.#admission = new RunAdmission({
      maxSpans: options.maxQueueSpans,
      maxBytes: options.maxQueueBytes,
    });
    this.#backoff = new RetryBackoff(options.retryDelayMs);
    this.#connection = new StoreConnection(options);
    this.#warnings = new EngineWarnings(options.endpoint);
    this.#controls = new RunControls(options, (what) => this.#recordError('controls', what));
    this.#intake = new SpanIntake(
      { ...options, maxInbox: options.maxQueueSpans },
      {
        runFound: (ref, root, parentContext, endedRoot) =>
          this.#openRun(ref, root, parentContext, endedRoot),
        spanPlaced: (ref, span) => this.#spanPlaced(ref, span),
        spansOutside: (count) => {
          this.#drop('outside_run', count);
          this.#warnings.outsideRun(count);
        },
        failed: (what, error) => this.#recordError(what, error),
      },
    );
    this.#sweepTimer = setInterval(() => this.#sweep(), SWEEP_INTERVAL_MS);
    this.#sweepTimer.unref();
  }

  get stats(): ExporterStats {
    const stats = structuredClone(this.#stats);
    stats.conversion = { ...this.#converter.stats };
    stats.spans.queued = this.#admission.spans + this.#intake.waiting;
    stats.spans.held = this.#intake.heldCount;
    stats.requestsInFlight = this.#inFlight;
    let active = 0;
    for (const entry of this.#book.values()) if (!isFinal(entry.state)) active++;
    stats.rollouts.active = active;
    const controls = this.#controls.counts;
    stats.spans.filtered = controls.spansFiltered;
    stats.spans.sampledOut = controls.spansSampledOut;
    stats.rollouts.sampledOut = controls.runsSampledOut;
    stats.rollouts.maskFailures = controls.maskFailures;
    return stats;
  }

  get isShutdown(): boolean {
    return this.#shutdown !== undefined;
  }

  spanStarted(span: Span, parentContext?: Context): void {
    if (!this.#shutdown) this.#intake.started(span, Date.now(), parentContext);
  }

  /** False when the span is refused (the engine is shut down). */
  spanEnded(span: ReadableSpan): boolean {
    if (this.#shutdown) {
      this.#drop('shutdown', 1);
      return false;
    }
    this.#intake.ended(span);
    return true;
  }

  /**
   * The rollout id of the newest agent run of a trace. Answers at once when it is known, when
   * no run of the trace is known, or while the store is out of reach; else waits up to
   * `timeoutMs` for the rollout to be created.
   */
  async rolloutIdForTrace(traceId: string, timeoutMs = 2_000): Promise<string | null> {
    this.#intake.drain();
    const known = this.#book.rolloutIdOf(traceId);
    if (known) return known;
    const waiting = this.#book.ofTrace(traceId).some((entry) => !isFinal(entry.state));
    if (!waiting || this.#backoff.inOutage || this.#connection.unusable) return null;
    await this.#book.whenRolloutOf(traceId, timeoutMs);
    return this.#book.rolloutIdOf(traceId) ?? null;
  }

  /**
   * Resolves once the runs of one trace (or the run rooted at one agent span) are final in AGL,
   * without waiting for any other run: what a serverless handler awaits before it returns.
   */
  async flushRun(
    target: FlushTarget,
    timeoutMs = this.#options.flushTimeoutMs,
  ): Promise<FlushRunResult> {
    const deadline = Date.now() + timeoutMs;
    const traceId = typeof target === 'string' ? target : target.spanContext().traceId;
    for (;;) {
      this.#intake.drain();
      const entries = runsOfTarget(this.#flushable(traceId), target);
      const result = flushResult(entries);
      if (result) return result;
      const left = deadline - Date.now();
      if (left <= 0) return summarize(entries);
      this.#pump();
      await Promise.race([
        Promise.all(entries.map((run) => run.entry.settled)),
        new Promise((resolve) => setTimeout(resolve, Math.min(left, 50)).unref()),
      ]);
    }
  }

  #flushable(traceId: string): Array<FlushableRun & { entry: RunEntry }> {
    return this.#book.ofTrace(traceId).map((entry) => {
      const { state } = entry;
      return {
        entry,
        traceId: state.traceId,
        rootSpanId: state.rootSpanId,
        startedAt: state.admittedAt,
        rolloutId: state.rolloutId,
        state: flushState(entry),
      };
    });
  }

  /** Resolves when everything accepted so far is delivered, or at the flush deadline. */
  async forceFlush(): Promise<void> {
    await this.#whenIdle(this.#options.flushTimeoutMs);
  }

  /** Finishes open runs, delivers what it can before the deadline, then gives up the rest. */
  shutdown(): Promise<void> {
    this.#shutdown ??= this.#doShutdown();
    return this.#shutdown;
  }

  async #doShutdown(): Promise<void> {
    clearInterval(this.#sweepTimer);
    this.#intake.drainHeld();
    for (const entry of this.#book.values()) this.#apply(entry, { type: 'shutdown' });
    await this.#whenIdle(this.#options.shutdownTimeoutMs);
    for (const entry of this.#book.values()) {
      this.#apply(entry, { type: 'abandon', reason: 'shutdown' });
    }
    this.#closed = true;
    if (this.#wakeTimer) clearTimeout(this.#wakeTimer);
    this.#book.wakeRolloutWaiters();
    await this.#connection.close();
  }

  #openRun(
    ref: RunRef,
    startedRoot: Span | undefined,
    parentContext?: Context,
    endedRoot?: ReadableSpan,
  ): void {
    if (this.#book.get(ref.key)) return;
    const state = newRunState(ref, Date.now());
    const entry = this.#book.add(state);
    const shape = startedRoot ?? endedRoot;
    const run = this.#controls.openRun(
      { traceId: ref.traceId, name: shape?.name ?? '', attributes: shape?.attributes ?? {} },
      parentContext,
    );
    entry.description.controls = { run, shared: this.#controls };
    if (run.sampledOut) {
      // No rollout, ever: the run is final at once and its spans are let go as they come.
      state.phase = 'done';
      entry.settle();
      return;
    }
    if (this.#connection.unusable) {
      this.#apply(entry, { type: 'abandon', reason: 'store_unusable' });
      return;
    }
    if (!this.#admission.admitsRun()) {
      state.phase = 'refused';
      entry.settle();
      this.#stats.rollouts.refused++;
      this.#warnings.runsRefused(this.#options.maxQueueSpans, this.#options.maxQueueBytes);
      return;
    }
    entry.description.root = startedRoot;
    const joined = startedRoot ? joinedIds(startedRoot) : undefined;
    if (joined) this.#apply(entry, { type: 'joined', ...joined });
    else state.live = startedRoot !== undefined;
    this.#want(entry);
  }

  #spanPlaced(ref: RunRef, span: ReadableSpan): void {
    if (!this.#book.get(ref.key)) this.#openRun(ref, undefined);
    const entry = this.#book.get(ref.key) as RunEntry;
    const isRoot = span.spanContext().spanId === ref.rootSpanId;
    const controls = entry.description.controls;
    if (controls && !controls.shared.admitSpan(controls.run, span, isRoot)) return;
    const { state, description } = entry;
    if (isRoot) {
      description.root = span;
      description.rootEnded = true;
      const joined = joinedIds(span);
      if (joined && state.phase === 'pending') this.#apply(entry, { type: 'joined', ...joined });
    } else if (description.fallbackInput === undefined && !isFinal(state)) {
      const input = rolloutInput(span);
      if (input !== null && input !== undefined) description.fallbackInput = input;
    }
    this.#addSpan(entry, span);
    if (isRoot) this.#apply(entry, { type: 'rootEnded', outcome: runOutcome(span) });
  }

  #addSpan(entry: RunEntry, span: ReadableSpan): void {
    const { phase, lossReason } = entry.state;
    if (phase === 'refused' || phase === 'abandoned') {
      this.#drop(phase === 'refused' ? 'run_refused' : (lossReason ?? 'run_unavailable'), 1);
      return;
    }
    let prepared: ReturnType<typeof prepareSpan>;
    try {
      prepared = prepareSpan(this.#converter, span);
    } catch (error) {
      this.#recordError('convert span', error);
      this.#apply(entry, { type: 'spanFailed', reason: 'conversion_failed' });
      return;
    }
    if (entry.state.phase !== 'done') {
      if (!this.#admission.take(prepared.bytes)) {
        this.#apply(entry, { type: 'spanFailed', reason: 'queue_full' });
        return;
      }
      entry.takenSpans++;
      entry.takenBytes += prepared.bytes;
    }
    this.#apply(entry, { type: 'spanAdded', span: prepared });
  }

  #apply(entry: RunEntry, event: RunEvent): void {
    const state = entry.state;
    const before = { lost: state.lost, rolloutId: state.rolloutId };
    const commands = step(state, event, Date.now());
    if (event.type === 'created' && state.rolloutId && !before.rolloutId) {
      this.#stats.rollouts.started++;
      if (state.previousRolloutIds.length > 0) this.#stats.rollouts.recreated++;
      this.#book.wakeRolloutWaiters(state.traceId);
    }
    if (event.type === 'stored') this.#stats.spans.exported += event.spans.length;
    if (event.type === 'sendFailed') this.#stats.spans.retried += event.spans.length;
    if (state.lost > before.lost && event.type !== 'spanFailed') {
      this.#drop(state.lossReason ?? 'rejected', state.lost - before.lost);
    } else if (event.type === 'spanFailed') this.#drop(event.reason, 1);
    for (const command of commands) this.#command(entry, command);
    if (!isFinal(state) || state.unsent > 0) this.#want(entry);
  }

  #command(entry: RunEntry, command: RunCommand): void {
    if (command.type === 'dropped') {
      this.#drop(command.reason, command.count);
      return;
    }
    const state = entry.state;
    if (state.phase === 'done') {
      this.#stats.rollouts.finished++;
      if (state.lost > 0) this.#stats.rollouts.incomplete++;
    } else this.#stats.rollouts.lost++;
    this.#admission.release(entry.takenSpans, entry.takenBytes);
    entry.takenSpans = 0;
    entry.takenBytes = 0;
    entry.settle();
  }

  #want(entry: RunEntry): void {
    this.#wanting.add(entry);
    if (this.#pumpQueued) return;
    this.#pumpQueued = true;
    queueMicrotask(() => this.#pump());
  }

  #pump(): void {
    this.#pumpQueued = false;
    const store = this.#connection.current;
    const now = Date.now();
    if (this.#connection.unusable) {
      for (const entry of this.#wanting) this.#apply(entry, { type: 'abandon', reason: 'store_unusable' });
      this.#wanting.clear();
      this.#checkIdle();
      return;
    }
    if (!store || this.#backoff.isPaused(now)) {
      if (!store) this.#connect();
      else this.#scheduleWake();
      this.#checkIdle();
      return;
    }
    const otlp = this.#options.transport === 'otlp' && store.capabilities.otlpTraces;
    const byState = new Map<unknown, RunEntry>();
    for (const entry of this.#wanting) byState.set(entry.state, entry);
    const plan = planWork(
      [...this.#wanting].map((entry) => entry.state),
      {
        slots: this.#options.maxConcurrentRequests - this.#inFlight,
        batchSize: otlp ? this.#options.maxBatchSpans : 1,
        maxRunsInProgress: this.#options.maxConcurrentRequests * 2,
      },
      (state) => this.#calling.has(byState.get(state) as RunEntry),
    );
    for (const state of plan.idle) this.#wanting.delete(byState.get(state) as RunEntry);
    for (const item of plan.items) this.#call(item, byState, otlp);
    this.#checkIdle();
  }

  #call(item: WorkItem, byState: Map<unknown, RunEntry>, otlp: boolean): void {
    const store = this.#connection.current;
    if (!store) return;
    let call: Promise<CallReport>;
    let entry: RunEntry | undefined;
    if (item.kind === 'deliver') {
      for (const { run, span } of item.spans) {
        this.#apply(byState.get(run) as RunEntry, { type: 'sendStarted', spans: [span] });
      }
      call = deliverSpans(store, item.spans, otlp);
    } else {
      entry = byState.get(item.run) as RunEntry;
      this.#calling.add(entry);
      const { description } = entry;
      if (item.kind === 'create') {
        this.#apply(entry, { type: 'createStarted' });
        call = createRollout(store, item.run, description, this.#options);
      } else if (item.kind === 'finish') {
        this.#apply(entry, { type: 'finishStarted' });
        call = finishRollout(store, item.run, description, this.#options);
      } else call = fetchSequenceBase(store, item.run);
    }
    this.#inFlight++;
    void call
      .catch((error: unknown): CallReport => {
        this.#recordError(item.kind, error);
        return { events: [], answered: false, outage: error, errors: [] };
      })
      .then((report) => {
        this.#inFlight--;
        if (entry) this.#calling.delete(entry);
        this.#report(report, byState);
      });
  }

  #report(report: CallReport, byState: Map<unknown, RunEntry>): void {
    const now = Date.now();
    if (report.outage !== undefined) {
      this.#recordError('store call', report.outage);
      this.#backoff.failed(now);
      this.#warnings.outage(report.outage);
    } else if (report.answered) {
      const outageMs = this.#backoff.succeeded(now);
      if (outageMs !== undefined) this.#warnings.recovered(outageMs);
    }
    for (const { what, error } of report.errors) this.#recordError(what, error);
    for (const [state, event] of report.events) {
      const entry = byState.get(state) ?? this.#book.get(state.key);
      if (entry) this.#apply(entry, event);
    }
    if (!this.#pumpQueued) {
      this.#pumpQueued = true;
      queueMicrotask(() => this.#pump());
    }
  }

  #connect(): void {
    if (this.#connection.unusable) return;
    void this.#connection.get().then(
      () => {
        const outageMs = this.#backoff.succeeded(Date.now());
        if (outageMs !== undefined) this.#warnings.recovered(outageMs);
        this.#pump();
      },
      (error: unknown) => {
        this.#recordError('connect', error);
        const unusable = this.#connection.unusable;
        if (unusable) {
          this.#warnings.unusable(unusable);
          this.#pump();
          return;
        }
        this.#backoff.failed(Date.now());
        this.#warnings.outage(error);
        this.#scheduleWake();
      },
    );
  }

  /** While paused, probe the store's health: the first answer resumes delivery. */
  #scheduleWake(): void {
    if (this.#wakeTimer || this.#closed) return;
    const delay = Math.max(0, Math.min(PROBE_INTERVAL_MS, this.#backoff.pausedUntil - Date.now()));
    this.#wakeTimer = setTimeout(() => {
      this.#wakeTimer = undefined;
      void this.#probe();
    }, delay);
    this.#wakeTimer.unref();
  }

  async #probe(): Promise<void> {
    const store = this.#connection.current;
    if (!store) return this.#connect();
    if (!this.#backoff.isPaused(Date.now())) return this.#pump();
    const healthy = await Promise.race([
      store.health().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS * 2, false).unref()),
    ]);
    if (healthy) {
      const outageMs = this.#backoff.succeeded(Date.now());
      if (outageMs !== undefined) this.#warnings.recovered(outageMs);
      this.#pump();
    } else this.#scheduleWake();
  }

  #whenIdle(timeoutMs: number): Promise<void> {
    this.#intake.drain();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, timeoutMs);
      timer.unref();
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      this.#idleWaiters.push(finish);
      this.#pump();
    });
  }

  #checkIdle(): void {
    if (this.#idleWaiters.length === 0) return;
    if (this.#wanting.size > 0 || this.#inFlight > 0 || this.#intake.waiting > 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }

  #sweep(): void {
    const now = Date.now();
    this.#intake.sweep(now);
    for (const entry of [...this.#book.values()]) {
      if (!isFinal(entry.state)) {
        this.#apply(entry, { type: 'tick', runTimeoutMs: this.#options.runTimeoutMs });
      } else if (
        entry.state.unsent === 0 &&
        entry.state.sending === 0 &&
        now - (entry.settledAt ?? entry.state.admittedAt) > FINISHED_RUN_LINGER_MS
      ) {
        this.#book.delete(entry);
        this.#wanting.delete(entry);
      }
    }
  }

  #drop(reason: DropReason, count: number): void {
    if (count > 0) this.#stats.spans.dropped[reason] += count;
    if (reason === 'rejected') this.#stats.spans.failed += count;
  }

  #recordError(what: string, error: unknown): void {
    this.#stats.lastError = { message: `${what}: ${message(error)}`, at: new Date().toISOString() };
  }
}

/** Where one run stands for `flushRun`. */
function flushState(entry: RunEntry): FlushableRun['state'] {
  const { state, description } = entry;
  if (description.controls?.run.sampledOut) return 'sampled_out';
  const drained = state.unsent === 0 && state.sending === 0;
  if (state.phase === 'joined') return drained && state.outcome ? 'stored' : 'pending';
  if (state.phase === 'abandoned' || state.phase === 'refused') return 'lost';
  if (state.phase !== 'done') return 'pending';
  if (!state.rolloutId || state.lost > 0) return 'lost';
  return drained ? 'stored' : 'pending';
}
