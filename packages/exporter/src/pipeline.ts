import {
  type Span as AglSpan,
  type AglStore,
  connect,
  isAglError,
  isAglServer1Error,
  type RolloutRequest,
} from '@agl/client';
import { type AglSpanConverter, createAglSpanConverter } from '@agl/converter';
import { context, diag, TraceFlags } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import { BoundedQueue } from './bounded-queue.ts';
import { type DropReason, type ExporterStats, emptyStats } from './exporter-stats.ts';
import type { ResolvedOptions } from './options.ts';
import { otlpRequestBody, toOtlpSpan } from './otlp-request.ts';
import { type RunOutcome, rolloutInput, rolloutMetadata, runOutcome } from './rollout-info.ts';
import { type IndexResult, RunIndex, type RunRef, type SpanFacts } from './run-index.ts';

/** A span waiting for delivery into its run's rollout. */
interface Delivery {
  run: RunState;
  span: ReadableSpan;
  sequenceId: number | undefined;
  bytes: number;
}

interface RunState {
  ref: RunRef;
  startedAt: number;
  rolloutId: string | undefined;
  attemptId: string | undefined;
  /** Rollout created elsewhere (e.g. by an AGL worker); we only add spans to it. */
  joined: boolean;
  creating: boolean;
  /** Opened by a processor when its agent span started: the rollout is wanted before any span ends. */
  live: boolean;
  createFailures: number;
  retryAt: number;
  nextSequenceId: number | undefined;
  unsequenced: Delivery[];
  queued: number;
  root: ReadableSpan | undefined;
  /** The root span as it started (processor), for a rollout created before it ends. */
  startedRoot: Span | undefined;
  /** Rollout input and metadata are final in AGL (written after the root span was seen). */
  described: boolean;
  describing: boolean;
  outcome: RunOutcome | undefined;
  completing: boolean;
  completed: boolean;
  recreated: number;
  previousRolloutIds: string[];
}

const ROLLOUT_ID_KEY = 'agentlightning.rollout_id';
const ATTEMPT_ID_KEY = 'agentlightning.attempt_id';
const SWEEP_INTERVAL_MS = 1_000;
// How long a finished run (and its trace's span links) is remembered, for late spans.
const FINISHED_RUN_LINGER_MS = 15_000;

function estimateBytes(span: ReadableSpan): number {
  let bytes = 400 + span.name.length;
  for (const key in span.attributes) {
    const value = span.attributes[key];
    bytes += key.length + (typeof value === 'string' ? value.length : 16);
  }
  return bytes + span.events.length * 100;
}

function idsFrom(
  span: Pick<ReadableSpan, 'attributes' | 'resource'>,
): [string, string] | undefined {
  const rollout = span.attributes[ROLLOUT_ID_KEY] ?? span.resource.attributes[ROLLOUT_ID_KEY];
  const attempt = span.attributes[ATTEMPT_ID_KEY] ?? span.resource.attributes[ATTEMPT_ID_KEY];
  return typeof rollout === 'string' && typeof attempt === 'string'
    ? [rollout, attempt]
    : undefined;
}

function withoutTracing<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(context.active()), fn);
}

/**
 * The exporter's engine: places spans into runs, keeps each run's rollout in AGL in step (create,
 * describe, finish, re-create after an AGL restart), and delivers spans through a bounded queue.
 * Called from the span processor (starts and ends) or the bare exporter (ends only).
 */
export class Pipeline {
  readonly #options: ResolvedOptions;
  readonly #index: RunIndex<ReadableSpan>;
  readonly #runs = new Map<string, RunState>();
  readonly #queue: BoundedQueue<Delivery>;
  readonly #stats: ExporterStats = emptyStats();
  #inbox: ReadableSpan[] = [];
  #drainScheduled = false;
  #inFlight = 0;
  #creations = 0;
  #store: Promise<AglStore> | undefined;
  #storeRetryAt = 0;
  #deliveryBackoffMs: number;
  #deliveryPausedUntil = 0;
  #pumpTimer: NodeJS.Timeout | undefined;
  readonly #sweepTimer: NodeJS.Timeout;
  #shutdown: Promise<void> | undefined;
  #warnedBurst = false;
  #warnedAglServer1 = false;
  readonly #converter: AglSpanConverter;
  /** Decided once the store's dialect is known. */
  #otlp = false;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.#converter = createAglSpanConverter(options.converter);
    this.#deliveryBackoffMs = options.retryDelayMs;
    this.#index = new RunIndex<ReadableSpan>({
      scope: options.scope,
      maxHeld: options.maxHeldSpans,
      maxHoldMs: options.maxHoldMs,
      lingerMs: FINISHED_RUN_LINGER_MS,
      staleMs: options.runTimeoutMs,
    });
    this.#queue = new BoundedQueue<Delivery>(
      options.maxQueueSpans,
      options.maxQueueBytes,
      (delivery) => delivery.bytes,
    );
    this.#sweepTimer = setInterval(() => this.#sweep(), SWEEP_INTERVAL_MS);
    this.#sweepTimer.unref();
  }

  get stats(): ExporterStats {
    const stats = structuredClone(this.#stats);
    stats.conversion = { ...this.#converter.stats };
    stats.spans.queued = this.#queue.length + this.#inbox.length;
    stats.spans.held = this.#index.heldCount;
    stats.requestsInFlight = this.#inFlight + this.#creations;
    stats.rollouts.active = [...this.#runs.values()].filter((run) => !run.completed).length;
    return stats;
  }

  get isShutdown(): boolean {
    return this.#shutdown !== undefined;
  }

  /** Processor hook: a span started. Cheap; may start a rollout in the background. */
  spanStarted(span: Span): void {
    if (this.#shutdown) return;
    try {
      // Most spans start inside a run already placed: they join it without the agent test.
      const parent = span.parentSpanContext;
      if (parent && !parent.isRemote) {
        const context = span.spanContext();
        if (
          this.#index.startedInPlacedRun(context.traceId, context.spanId, parent.spanId, Date.now())
        ) {
          return;
        }
      }
      const result = this.#index.spanStarted(this.#facts(span), Date.now());
      this.#apply(result, span);
    } catch (error) {
      this.#recordError('span start', error);
    }
  }

  /** A span ended (processor or exporter). O(1): the work happens off the caller's stack. */
  spanEnded(span: ReadableSpan): boolean {
    if (this.#shutdown) {
      this.#drop('shutdown', 1);
      return false;
    }
    if (this.#inbox.length >= this.#options.maxQueueSpans) {
      this.#drop('queue_full', 1);
      return false;
    }
    this.#inbox.push(span);
    if (!this.#drainScheduled) {
      this.#drainScheduled = true;
      setImmediate(() => this.#drainInbox());
    }
    return true;
  }

  /**
   * The AGL rollout id of the newest agent run in a trace, once the rollout exists; null when no
   * run of that trace is known or the rollout is not created within `timeoutMs`.
   */
  async rolloutIdForTrace(traceId: string, timeoutMs = 2_000): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.#drainInbox();
      let known = false;
      let newest: RunState | undefined;
      for (const run of this.#runs.values()) {
        if (run.ref.traceId !== traceId) continue;
        known = true;
        if (run.rolloutId && (!newest || run.startedAt >= newest.startedAt)) newest = run;
      }
      if (newest?.rolloutId) return newest.rolloutId;
      if ((!known && this.#index.heldCount === 0) || Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits until every accepted span is delivered (or the deadline passes). */
  async forceFlush(): Promise<void> {
    this.#drainInbox();
    await this.#waitIdle(Date.now() + this.#options.flushTimeoutMs);
  }

  /** Finishes open runs, delivers what it can within the deadline, then releases resources. */
  shutdown(): Promise<void> {
    this.#shutdown ??= this.#doShutdown();
    return this.#shutdown;
  }

  async #doShutdown(): Promise<void> {
    const deadline = Date.now() + this.#options.shutdownTimeoutMs;
    clearInterval(this.#sweepTimer);
    this.#drainInbox();
    this.#apply(this.#index.drain());
    for (const run of this.#runs.values()) {
      if (!run.outcome && !run.joined) {
        run.outcome = {
          status: 'failed',
          error: 'the process shut down before the agent span ended',
        };
      }
      this.#maybeComplete(run);
    }
    await this.#waitIdle(deadline);
    const left = this.#queue.remove(() => true);
    this.#drop('shutdown', left.length);
    if (this.#pumpTimer) clearTimeout(this.#pumpTimer);
    if (!this.#options.store && this.#store) {
      await this.#store.then((store) => store.close()).catch(() => {});
    }
  }

  #facts(
    span: Pick<ReadableSpan, 'name' | 'attributes' | 'spanContext' | 'parentSpanContext'>,
  ): SpanFacts {
    const context = span.spanContext();
    const parent = span.parentSpanContext;
    return {
      traceId: context.traceId,
      spanId: context.spanId,
      parentSpanId: parent?.spanId,
      parentIsRemote: parent?.isRemote ?? false,
      isAgent: this.#isAgent(span),
    };
  }

  #isAgent(span: Pick<ReadableSpan, 'name' | 'attributes'>): boolean {
    try {
      return this.#options.isAgentSpan(span);
    } catch (error) {
      this.#recordError('isAgentSpan predicate', error);
      return false;
    }
  }

  #drainInbox(): void {
    this.#drainScheduled = false;
    const inbox = this.#inbox;
    this.#inbox = [];
    const now = Date.now();
    for (const span of inbox) {
      if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) continue;
      try {
        this.#apply(this.#index.spanEnded(this.#facts(span), span, now));
      } catch (error) {
        this.#recordError('span end', error);
        this.#drop('conversion_failed', 1);
      }
    }
    this.#pump();
  }

  #apply(result: IndexResult<ReadableSpan>, startedRoot?: Span): void {
    for (const ref of result.newRuns) this.#openRun(ref, startedRoot);
    // Roots first: the rollout is then created with its input and metadata in one call.
    for (const { item, run } of result.placed) {
      if (item.spanContext().spanId === run.rootSpanId) this.#noteRoot(run, item);
    }
    for (const { item, run } of result.placed) this.#enqueue(run, item);
    if (result.outside.length > 0) this.#drop('outside_run', result.outside.length);
  }

  #openRun(ref: RunRef, startedRoot: Span | undefined): RunState {
    let run = this.#runs.get(ref.key);
    if (run) return run;
    run = {
      ref,
      startedAt: Date.now(),
      rolloutId: undefined,
      attemptId: undefined,
      joined: false,
      creating: false,
      live: false,
      createFailures: 0,
      retryAt: 0,
      nextSequenceId: undefined,
      unsequenced: [],
      queued: 0,
      root: undefined,
      startedRoot: undefined,
      described: false,
      describing: false,
      outcome: undefined,
      completing: false,
      completed: false,
      recreated: 0,
      previousRolloutIds: [],
    };
    this.#runs.set(ref.key, run);
    const root = startedRoot?.spanContext().spanId === ref.rootSpanId ? startedRoot : undefined;
    const joined = root ? idsFrom(root) : undefined;
    if (joined) this.#join(run, joined);
    // A processor sees the root start: create the rollout now so it is visible while running.
    if (root && !joined) {
      run.live = true;
      run.startedRoot = root;
      void this.#createRollout(run, root);
    }
    return run;
  }

  #join(run: RunState, [rolloutId, attemptId]: [string, string]): void {
    run.joined = true;
    run.rolloutId = rolloutId;
    run.attemptId = attemptId;
  }

  #noteRoot(ref: RunRef, span: ReadableSpan): void {
    const run = this.#runs.get(ref.key) ?? this.#openRun(ref, undefined);
    run.root = span;
    run.outcome = runOutcome(span);
    const joined = idsFrom(span);
    if (joined && !run.rolloutId) this.#join(run, joined);
  }

  #enqueue(ref: RunRef, span: ReadableSpan): void {
    const run = this.#runs.get(ref.key) ?? this.#openRun(ref, undefined);
    const delivery: Delivery = { run, span, sequenceId: undefined, bytes: estimateBytes(span) };
    if (!this.#queue.push(delivery)) {
      this.#warnQueueFull();
      this.#drop('queue_full', 1);
      this.#maybeComplete(run);
      return;
    }
    run.queued++;
    this.#sequence(run, delivery);
    if (!run.rolloutId && !run.creating) void this.#createRollout(run, run.root);
    else if (run.rolloutId && run.root && !run.described && !run.joined) void this.#describe(run);
  }

  /** Sequence ids increase per rollout in the order spans reach the exporter. */
  #sequence(run: RunState, delivery: Delivery): void {
    // A rollout we create starts its counter at 1; one created elsewhere asks the server.
    if (run.nextSequenceId === undefined && !run.joined) run.nextSequenceId = 1;
    if (run.nextSequenceId === undefined) {
      run.unsequenced.push(delivery);
      void this.#fetchSequenceBase(run);
      return;
    }
    delivery.sequenceId = run.nextSequenceId++;
  }

  async #fetchSequenceBase(run: RunState): Promise<void> {
    if (run.creating || !run.rolloutId || !run.attemptId) return;
    run.creating = true;
    try {
      const store = await this.#getStore();
      const base = await withoutTracing(() =>
        store.nextSequenceId(run.rolloutId as string, run.attemptId as string),
      );
      run.nextSequenceId = base;
      for (const delivery of run.unsequenced) delivery.sequenceId = run.nextSequenceId++;
      run.unsequenced = [];
    } catch (error) {
      this.#recordError('next sequence id', error);
      if (isAglError(error) && !isRetryable(error)) {
        // AGL does not know the rollout or attempt these spans were meant for.
        this.#abandonRun(run, 'rejected');
      } else {
        run.retryAt = Date.now() + this.#options.retryDelayMs;
      }
    } finally {
      run.creating = false;
      this.#pump();
    }
  }

  #rolloutRequest(run: RunState, span: ReadableSpan | Span | undefined): RolloutRequest {
    const extra: Record<string, unknown> = { ...this.#options.metadata };
    if (run.recreated > 0) {
      extra.recreated_after_store_restart = run.recreated;
      extra.previous_rollout_ids = [...run.previousRolloutIds];
    }
    const request: RolloutRequest = {
      input: span && run.root ? rolloutInput(span) : null,
      mode: this.#options.mode,
      metadata: span
        ? rolloutMetadata(span, extra)
        : { ...extra, source: 'otel', trace_id: run.ref.traceId },
    };
    if (this.#options.rolloutConfig) request.config = this.#options.rolloutConfig;
    return request;
  }

  async #createRollout(run: RunState, span: ReadableSpan | Span | undefined): Promise<void> {
    if (run.creating || run.rolloutId || run.completed) return;
    const now = Date.now();
    if (now < run.retryAt || now < this.#deliveryPausedUntil) return;
    // Rollout calls share the request budget with span deliveries: against a hung store, runs
    // wait here (retried by the pump) instead of piling up requests.
    if (this.#creations >= this.#options.maxConcurrentRequests) return;
    this.#creations++;
    run.creating = true;
    try {
      const store = await this.#getStore();
      // Built from the ended root span, the request already carries the final input and metadata.
      const fromEndedRoot = span !== undefined && span === run.root;
      const request = this.#rolloutRequest(run, span);
      const created = await withoutTracing(() => store.startRollout(request));
      run.rolloutId = created.rollout_id;
      run.attemptId = created.attempt.attempt_id;
      run.described = fromEndedRoot;
      run.createFailures = 0;
      this.#stats.rollouts.started++;
      if (run.recreated > 0) this.#stats.rollouts.recreated++;
    } catch (error) {
      run.createFailures++;
      run.retryAt =
        Date.now() + Math.min(30_000, this.#options.retryDelayMs * 2 ** run.createFailures);
      this.#recordError('start rollout', error);
      if (isAglError(error) && !isRetryable(error)) {
        // AGL refuses this rollout (not an outage): its spans cannot be stored.
        this.#abandonRun(run, 'run_unavailable');
      }
    } finally {
      run.creating = false;
      this.#creations--;
    }
    if (run.rolloutId && run.root && !run.described) void this.#describe(run);
    this.#pump();
  }

  /** Writes the input and metadata known only when the root span ends. */
  async #describe(run: RunState): Promise<void> {
    if (run.described || run.describing || !run.root || !run.rolloutId) return;
    run.describing = true;
    const request = this.#rolloutRequest(run, run.root);
    try {
      const store = await this.#getStore();
      await withoutTracing(() =>
        store.updateRollout(run.rolloutId as string, {
          input: request.input,
          metadata: request.metadata ?? {},
        }),
      );
      run.described = true;
    } catch (error) {
      this.#recordError('update rollout', error);
      if (isAglError(error, 'not_found')) this.#rolloutLost(run);
      // Anything but an outage: finish the rollout without the final description.
      else if (!(isAglError(error) && isRetryable(error))) run.described = true;
    } finally {
      run.describing = false;
    }
    this.#maybeComplete(run);
  }

  #maybeComplete(run: RunState): void {
    if (run.completed || run.completing || run.joined) return;
    if (!run.outcome || run.queued > 0 || !run.rolloutId || !run.attemptId) return;
    if (run.root && (!run.described || run.describing)) return;
    run.completing = true;
    const { status, error } = run.outcome;
    void (async () => {
      try {
        const store = await this.#getStore();
        await withoutTracing(() =>
          store.updateAttempt(run.rolloutId as string, run.attemptId as string, {
            status,
            ...(error ? { metadata: { error } } : {}),
          }),
        );
        run.completed = true;
        this.#stats.rollouts.finished++;
      } catch (failure) {
        this.#recordError('finish attempt', failure);
        if (isAglError(failure, 'not_found')) this.#rolloutLost(run);
        else if (!(isAglError(failure) && isRetryable(failure))) run.completed = true;
        else run.retryAt = Date.now() + this.#options.retryDelayMs;
      } finally {
        run.completing = false;
      }
    })();
  }

  #abandonRun(run: RunState, reason: DropReason): void {
    const dropped = this.#queue.remove((delivery) => delivery.run === run);
    run.queued -= dropped.length;
    run.unsequenced = [];
    if (reason === 'rejected') this.#stats.spans.failed += dropped.length;
    this.#drop(reason, dropped.length);
    run.completed = true;
  }

  /** AGL forgot the rollout (a restarted in-memory store): create it again for the held spans. */
  #rolloutLost(run: RunState): void {
    if (run.joined || !run.rolloutId) return;
    run.previousRolloutIds.push(run.rolloutId);
    run.rolloutId = undefined;
    run.attemptId = undefined;
    run.recreated++;
    run.described = false;
    run.completed = false;
    run.retryAt = 0;
    void this.#createRollout(run, run.root);
  }

  #pump(): void {
    if (this.#pumpTimer) return;
    const now = Date.now();
    if (now < this.#deliveryPausedUntil) {
      this.#schedulePump(this.#deliveryPausedUntil - now);
      return;
    }
    for (const run of this.#runs.values()) {
      if (!run.rolloutId && !run.creating && (run.queued > 0 || run.live) && now >= run.retryAt) {
        void this.#createRollout(run, run.root ?? run.startedRoot);
      }
      if (run.joined && run.unsequenced.length > 0 && !run.creating && now >= run.retryAt) {
        void this.#fetchSequenceBase(run);
      }
      if (run.root && run.rolloutId && !run.described && !run.joined) void this.#describe(run);
      this.#maybeComplete(run);
    }
    while (this.#inFlight < this.#options.maxConcurrentRequests && this.#queue.length > 0) {
      const batch = this.#queue.take(this.#batchSize(), (delivery) => this.#ready(delivery));
      if (batch.length === 0) break;
      this.#inFlight++;
      void this.#deliver(batch).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  #schedulePump(delayMs: number): void {
    if (this.#pumpTimer) return;
    this.#pumpTimer = setTimeout(() => {
      this.#pumpTimer = undefined;
      this.#pump();
    }, delayMs);
    this.#pumpTimer.unref();
  }

  #batchSize(): number {
    return this.#usesOtlp() ? this.#options.maxBatchSpans : 1;
  }

  #usesOtlp(): boolean {
    return this.#otlp;
  }

  #ready(delivery: Delivery): boolean {
    return (
      delivery.run.rolloutId !== undefined &&
      delivery.run.attemptId !== undefined &&
      delivery.sequenceId !== undefined
    );
  }

  #convert(delivery: Delivery): AglSpan {
    return this.#converter.convert(delivery.span, {
      rolloutId: delivery.run.rolloutId as string,
      attemptId: delivery.run.attemptId as string,
      sequenceId: delivery.sequenceId as number,
    });
  }

  async #deliver(batch: Delivery[]): Promise<void> {
    let store: AglStore;
    try {
      store = await this.#getStore();
    } catch (error) {
      this.#recordError('connect', error);
      this.#requeue(batch);
      return;
    }
    const converted: Array<{ delivery: Delivery; span: AglSpan }> = [];
    for (const delivery of batch) {
      try {
        converted.push({ delivery, span: this.#convert(delivery) });
      } catch (error) {
        this.#recordError('convert span', error);
        this.#settle(delivery, 'conversion_failed');
      }
    }
    if (converted.length === 0) return;
    if (this.#otlp) {
      try {
        const body = otlpRequestBody(
          converted.map(({ delivery, span }) => toOtlpSpan(delivery.span, span)),
        );
        await withoutTracing(() => store.exportOtlpTraces(body));
        this.#deliveryBackoffMs = this.#options.retryDelayMs;
        for (const { delivery } of converted) this.#settle(delivery, undefined);
        return;
      } catch (error) {
        this.#recordError('export OTLP', error);
        if (isOutage(error)) {
          this.#requeue(converted.map(({ delivery }) => delivery));
          return;
        }
        // AGL refused the request as a whole (an unknown rollout after a restart, a span it cannot
        // store): one REST call per span finds out which, so one bad span does not sink the rest.
      }
    }
    await Promise.all(
      converted.map(({ delivery, span }) => this.#deliverOne(store, delivery, span)),
    );
  }

  async #deliverOne(store: AglStore, delivery: Delivery, span: AglSpan): Promise<void> {
    try {
      await withoutTracing(() => store.addSpan(span));
      this.#deliveryBackoffMs = this.#options.retryDelayMs;
      this.#settle(delivery, undefined);
    } catch (error) {
      this.#recordError('add span', error);
      if (isAglError(error, 'not_found')) {
        if (delivery.run.joined) {
          // Ids from elsewhere that AGL does not know: nothing here can repair them.
          this.#stats.spans.failed++;
          this.#settle(delivery, 'rejected');
          return;
        }
        this.#rolloutLost(delivery.run);
        this.#requeue([delivery]);
      } else if (isOutage(error)) {
        this.#requeue([delivery]);
      } else {
        this.#stats.spans.failed++;
        this.#settle(delivery, 'rejected');
      }
    }
  }

  #requeue(batch: Delivery[]): void {
    this.#stats.spans.retried += batch.length;
    this.#queue.unshift(batch);
    this.#deliveryPausedUntil = Date.now() + this.#deliveryBackoffMs;
    this.#deliveryBackoffMs = Math.min(30_000, this.#deliveryBackoffMs * 2);
  }

  #settle(delivery: Delivery, dropped: DropReason | undefined): void {
    if (dropped) this.#drop(dropped, 1);
    else this.#stats.spans.exported++;
    delivery.run.queued--;
    this.#maybeComplete(delivery.run);
  }

  #storeReady(store: AglStore): void {
    this.#otlp = this.#options.transport === 'otlp' && store.capabilities.otlpTraces;
  }

  #getStore(): Promise<AglStore> {
    if (this.#options.store) {
      this.#storeReady(this.#options.store);
      return Promise.resolve(this.#options.store);
    }
    if (!this.#store) {
      if (Date.now() < this.#storeRetryAt) {
        return Promise.reject(new Error('AGL store unreachable; retrying shortly'));
      }
      const { endpoint, dialect, client } = this.#options;
      this.#store = withoutTracing(() => connect(endpoint, { ...client, dialect }));
      this.#store.then(
        (store) => this.#storeReady(store),
        (error: unknown) => {
          this.#store = undefined;
          this.#storeRetryAt = Date.now() + this.#deliveryBackoffMs;
          if (isAglServer1Error(error) && !this.#warnedAglServer1) {
            this.#warnedAglServer1 = true;
            diag.warn(`AGLSpanExporter: ${error.message}`);
          }
        },
      );
    }
    return this.#store;
  }

  #sweep(): void {
    const now = Date.now();
    this.#apply(this.#index.sweep(now));
    for (const [key, run] of this.#runs) {
      if (!run.outcome && !run.joined && now - run.startedAt > this.#options.runTimeoutMs) {
        run.outcome = {
          status: 'failed',
          error: `the agent span did not end within ${this.#options.runTimeoutMs} ms`,
        };
      }
      this.#maybeComplete(run);
      const finished = run.completed || run.joined;
      // A run that ended while AGL was out of reach and whose spans were all dropped has nothing
      // left to deliver: keeping it would grow memory for as long as the outage lasts.
      const nothingLeft = !run.rolloutId && !run.creating && run.outcome !== undefined;
      if (
        run.queued === 0 &&
        (finished || nothingLeft) &&
        now - run.startedAt > FINISHED_RUN_LINGER_MS
      ) {
        this.#runs.delete(key);
      }
    }
    this.#pump();
  }

  async #waitIdle(deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      this.#drainInbox();
      const busy =
        this.#inbox.length > 0 ||
        this.#queue.length > 0 ||
        this.#inFlight > 0 ||
        [...this.#runs.values()].some(
          (run) =>
            run.creating ||
            run.describing ||
            run.completing ||
            (run.outcome && !run.completed && !run.joined),
        );
      if (!busy) return;
      this.#pump();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  #drop(reason: DropReason, count: number): void {
    if (count > 0) this.#stats.spans.dropped[reason] += count;
  }

  #warnQueueFull(): void {
    if (this.#warnedBurst) return;
    this.#warnedBurst = true;
    diag.warn(
      `AGLSpanExporter: delivery queue full (${this.#options.maxQueueSpans} spans / ${this.#options.maxQueueBytes} bytes); dropping spans until it drains. Is the AGL store at ${this.#options.endpoint} reachable?`,
    );
    setTimeout(() => {
      this.#warnedBurst = false;
    }, 10_000).unref();
  }

  #recordError(what: string, error: unknown): void {
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    this.#stats.lastError = { message, at: new Date().toISOString() };
    diag.debug(`AGLSpanExporter ${message}`);
  }
}

function isRetryable(error: { retryable?: boolean; kind?: string }): boolean {
  return error.retryable === true || error.kind === 'unavailable' || error.kind === 'timeout';
}

/**
 * The store cannot be reached right now: keep the spans and try later. Anything else has already
 * been retried by the client as far as its policy allows, so holding on would only loop.
 */
function isOutage(error: unknown): boolean {
  return isAglError(error, 'unavailable') || isAglError(error, 'timeout') || !isAglError(error);
}
