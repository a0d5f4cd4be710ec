import { type AglSpanConverter, createAglSpanConverter } from '@agl/converter';
import type { Attributes, Context } from '@opentelemetry/api';
import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import { CallDispatcher } from './call-dispatcher.ts';
import { EngineStats } from './engine-stats.ts';
import { EngineWarnings } from './engine-warnings.ts';
import type { ExporterStats } from './exporter-stats.ts';
import { type FlushRunResult, type FlushTarget, flushableRun, flushOutcome } from './flush-run.ts';
import { joinedIds } from './joined-ids.ts';
import type { ResolvedOptions } from './options.ts';
import { prepareSpan } from './prepared-span.ts';
import { rolloutInput, runOutcome } from './rollout-info.ts';
import { RunAdmission } from './run-admission.ts';
import { RunControls } from './run-controls.ts';
import { type RunEvent, step } from './run-lifecycle.ts';
import { RunBook, type RunEntry } from './run-settlement.ts';
import { isFinal, newRunState } from './run-state.ts';
import { FINISHED_RUN_LINGER_MS, SpanIntake } from './span-intake.ts';
import type { RunRef } from './span-tree.ts';
import { StoreGate } from './store-gate.ts';
import {
  MAX_WAITING_TOOL_SPANS,
  releasesWaitingToolSpans,
  waitsForModelCall,
} from './tool-span-order.ts';

const SWEEP_INTERVAL_MS = 1_000;

/**
 * The exporter's engine: spans come in through the intake, runs are admitted whole, each run's
 * rollout follows its pure lifecycle, and the dispatcher makes the calls, oldest run first,
 * within `maxConcurrentRequests`. It owns its timers, its retries and a once-only shutdown.
 */
export class Engine {
  readonly #options: ResolvedOptions;
  readonly #converter: AglSpanConverter;
  readonly #intake: SpanIntake;
  readonly #book = new RunBook();
  readonly #admission: RunAdmission;
  readonly #gate: StoreGate;
  readonly #warnings: EngineWarnings;
  readonly #stats = new EngineStats();
  readonly #controls: RunControls;
  readonly #dispatcher: CallDispatcher;
  readonly #sweepTimer: NodeJS.Timeout;
  #shutdown: Promise<void> | undefined;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.#converter = createAglSpanConverter(options.converter);
    this.#admission = new RunAdmission({
      maxSpans: options.maxQueueSpans,
      maxBytes: options.maxQueueBytes,
    });
    this.#warnings = new EngineWarnings(options.endpoint);
    this.#controls = new RunControls(options, (what) => this.#stats.error('controls', what));
    this.#gate = new StoreGate(options, this.#warnings, {
      ready: () => this.#dispatcher.pump(),
      error: (what, error) => this.#stats.error(what, error),
    });
    this.#dispatcher = new CallDispatcher(options, this.#book, this.#gate, {
      apply: (entry, event) => this.#apply(entry, event),
      error: (what, error) => this.#stats.error(what, error),
      unplacedSpans: () => this.#intake.waiting,
    });
    this.#intake = new SpanIntake(
      { ...options, maxInbox: options.maxQueueSpans },
      {
        runFound: (ref, root, parentContext, endedRoot) =>
          this.#openRun(ref, root, parentContext, endedRoot),
        spanPlaced: (ref, span) => this.#spanPlaced(ref, span),
        spansOutside: (count) => {
          this.#stats.drop('outside_run', count);
          this.#warnings.outsideRun(count);
        },
        failed: (what, error) => this.#stats.error(what, error),
      },
    );
    this.#sweepTimer = setInterval(() => this.#sweep(), SWEEP_INTERVAL_MS);
    this.#sweepTimer.unref();
  }

  get stats(): ExporterStats {
    let active = 0;
    for (const entry of this.#book.values()) if (!isFinal(entry.state)) active++;
    return this.#stats.snapshot({
      conversion: this.#converter.stats,
      queuedSpans: this.#admission.spans + this.#intake.waiting,
      heldSpans: this.#intake.heldCount,
      requestsInFlight: this.#dispatcher.inFlight,
      activeRollouts: active,
      controls: this.#controls.counts,
    });
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
      this.#stats.drop('shutdown', 1);
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
    if (!waiting || this.#gate.inOutage || this.#gate.unusable) return null;
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
      const entries = this.#book.ofTrace(traceId);
      const outcome = flushOutcome(entries.map(flushableRun), target, deadline - Date.now());
      if (outcome.result) return outcome.result;
      this.#dispatcher.pump();
      await Promise.race([
        Promise.all(entries.map((entry) => entry.settled)),
        new Promise((resolve) => setTimeout(resolve, outcome.waitMs).unref()),
      ]);
    }
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
    for (const entry of this.#book.values()) this.#releaseWaitingToolSpans(entry);
    for (const entry of this.#book.values()) this.#apply(entry, { type: 'shutdown' });
    await this.#whenIdle(this.#options.shutdownTimeoutMs);
    for (const entry of this.#book.values()) {
      this.#apply(entry, { type: 'abandon', reason: 'shutdown' });
    }
    this.#book.wakeRolloutWaiters();
    await this.#gate.close();
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
    const run = this.#controls.openRun(
      { traceId: ref.traceId, ...shapeOf(startedRoot ?? endedRoot) },
      parentContext,
    );
    entry.description.controls = { run, shared: this.#controls };
    if (run.sampledOut) {
      // No rollout, ever: the run is final at once and its spans are let go as they come.
      state.phase = 'done';
      entry.settle();
      return;
    }
    if (this.#gate.unusable) {
      this.#apply(entry, { type: 'abandon', reason: 'store_unusable' });
      return;
    }
    if (!this.#admission.admitsRun()) {
      state.phase = 'refused';
      this.#settle(entry);
      this.#warnings.runsRefused(this.#options.maxQueueSpans, this.#options.maxQueueBytes);
      return;
    }
    entry.description.root = startedRoot;
    const joined = startedRoot ? joinedIds(startedRoot) : undefined;
    if (joined) this.#apply(entry, { type: 'joined', ...joined });
    else state.live = startedRoot !== undefined;
    this.#dispatcher.want(entry);
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
    if (isRoot) {
      this.#releaseWaitingToolSpans(entry);
      this.#addSpan(entry, span);
      this.#apply(entry, { type: 'rootEnded', outcome: runOutcome(span) });
      return;
    }
    if (
      waitsForModelCall(span.attributes) &&
      entry.waitingToolSpans.length < MAX_WAITING_TOOL_SPANS
    ) {
      entry.waitingToolSpans.push(span);
      return;
    }
    this.#addSpan(entry, span);
    if (releasesWaitingToolSpans(span.attributes)) this.#releaseWaitingToolSpans(entry);
  }

  #releaseWaitingToolSpans(entry: RunEntry): void {
    const waiting = entry.waitingToolSpans;
    if (waiting.length === 0) return;
    entry.waitingToolSpans = [];
    for (const span of waiting) this.#addSpan(entry, span);
  }

  #addSpan(entry: RunEntry, span: ReadableSpan): void {
    const { phase, lossReason } = entry.state;
    if (phase === 'refused' || phase === 'abandoned') {
      this.#stats.drop(phase === 'refused' ? 'run_refused' : (lossReason ?? 'run_unavailable'), 1);
      return;
    }
    let prepared: ReturnType<typeof prepareSpan>;
    try {
      prepared = prepareSpan(this.#converter, span);
    } catch (error) {
      this.#stats.error('convert span', error);
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
    const lostBefore = state.lost;
    const hadRollout = state.rolloutId !== undefined;
    const commands = step(state, event, Date.now());
    const newRollout = event.type === 'created' && !hadRollout && state.rolloutId !== undefined;
    this.#stats.event(state, event, lostBefore, newRollout);
    if (newRollout) this.#book.wakeRolloutWaiters(state.traceId);
    for (const command of commands) {
      if (command.type === 'dropped') this.#stats.drop(command.reason, command.count);
      else this.#settle(entry);
    }
    if (!isFinal(state) || state.unsent > 0) this.#dispatcher.want(entry);
  }

  #settle(entry: RunEntry): void {
    this.#stats.settled(entry.state);
    this.#admission.release(entry.takenSpans, entry.takenBytes);
    entry.takenSpans = 0;
    entry.takenBytes = 0;
    entry.settle();
  }

  #whenIdle(timeoutMs: number): Promise<void> {
    this.#intake.drain();
    return this.#dispatcher.whenIdle(timeoutMs);
  }

  #sweep(): void {
    const now = Date.now();
    this.#intake.sweep(now);
    for (const entry of [...this.#book.values()]) {
      if (!isFinal(entry.state)) {
        this.#apply(entry, { type: 'tick', runTimeoutMs: this.#options.runTimeoutMs });
        // A run that timed out without its root still delivers or counts every span.
        if (isFinal(entry.state)) this.#releaseWaitingToolSpans(entry);
      } else if (
        entry.state.unsent === 0 &&
        entry.state.sending === 0 &&
        now - (entry.settledAt ?? entry.state.admittedAt) > FINISHED_RUN_LINGER_MS
      ) {
        this.#book.delete(entry);
        this.#dispatcher.forget(entry);
      }
    }
  }
}

function shapeOf(root: ReadableSpan | Span | undefined): { name: string; attributes: Attributes } {
  return { name: root?.name ?? '', attributes: root?.attributes ?? {} };
}
