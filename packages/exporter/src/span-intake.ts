import { type Context, TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import type { AgentSpanPredicate } from './agent-span.ts';
import type { IndexResult } from './index-result.ts';
import { RunIndex, type RunScope } from './run-index.ts';
import type { RunRef, SpanFacts } from './span-tree.ts';

/** How long a finished trace's span links are kept, for late spans. */
export const FINISHED_RUN_LINGER_MS = 15_000;

export interface IntakeOptions {
  scope: RunScope;
  isAgentSpan: AgentSpanPredicate;
  maxHeldSpans: number;
  maxHoldMs: number;
  runTimeoutMs: number;
  /** Ended spans collected before they are placed off the caller's stack. */
  maxInbox: number;
  /** `immediate`: ended spans are placed at once, on the caller's stack. */
  exportMode?: 'batched' | 'immediate';
}

/** Where the intake hands what it decided. */
export interface IntakeSink {
  /** A run's root became known: as it started (processor, with its context) or as it ended. */
  runFound(
    ref: RunRef,
    startedRoot: Span | undefined,
    parentContext: Context | undefined,
    endedRoot: ReadableSpan | undefined,
  ): void;
  spanPlaced(ref: RunRef, span: ReadableSpan): void;
  spansOutside(count: number): void;
  failed(what: string, error: unknown): void;
}

/**
 * Per-span intake: sees spans start (processor) and end, and places each into its run.
 * `ended` is O(1) on the caller's stack; placing happens in a batch right after.
 */
export class SpanIntake {
  readonly #options: IntakeOptions;
  readonly #sink: IntakeSink;
  readonly #index: RunIndex<ReadableSpan>;
  #inbox: ReadableSpan[] = [];
  #drainScheduled = false;

  constructor(options: IntakeOptions, sink: IntakeSink) {
    this.#options = options;
    this.#sink = sink;
    this.#index = new RunIndex<ReadableSpan>({
      scope: options.scope,
      maxHeld: options.maxHeldSpans,
      maxHoldMs: options.maxHoldMs,
      lingerMs: FINISHED_RUN_LINGER_MS,
      staleMs: options.runTimeoutMs,
    });
  }

  get heldCount(): number {
    return this.#index.heldCount;
  }

  get waiting(): number {
    return this.#inbox.length;
  }

  started(span: Span, now: number, parentContext?: Context): void {
    try {
      // Most spans start inside a run already placed: they join it without the agent test.
      const parent = span.parentSpanContext;
      if (parent && !parent.isRemote) {
        const context = span.spanContext();
        if (this.#index.startedInPlacedRun(context.traceId, context.spanId, parent.spanId, now)) {
          return;
        }
      }
      this.#apply(this.#index.spanStarted(this.#facts(span), now), span, parentContext);
    } catch (error) {
      this.#sink.failed('span start', error);
    }
  }

  ended(span: ReadableSpan): void {
    // A burst larger than the inbox is placed at once rather than dropped.
    if (this.#inbox.length >= this.#options.maxInbox) this.drain();
    this.#inbox.push(span);
    // A short-lived function may be frozen as soon as it returns: place the span now.
    if (this.#options.exportMode === 'immediate') {
      this.drain();
      return;
    }
    if (!this.#drainScheduled) {
      this.#drainScheduled = true;
      setImmediate(() => this.drain());
    }
  }

  drain(): void {
    this.#drainScheduled = false;
    const inbox = this.#inbox;
    this.#inbox = [];
    const now = Date.now();
    for (const span of inbox) {
      if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) continue;
      try {
        this.#apply(this.#index.spanEnded(this.#facts(span), span, now));
      } catch (error) {
        this.#sink.failed('span end', error);
      }
    }
  }

  /** Decides spans held too long for their ancestors; forgets idle traces. */
  sweep(now: number): void {
    this.#apply(this.#index.sweep(now));
  }

  /** Decides every held span with what is known (shutdown). */
  drainHeld(): void {
    this.drain();
    this.#apply(this.#index.drain());
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
      this.#sink.failed('isAgentSpan predicate', error);
      return false;
    }
  }

  #apply(result: IndexResult<ReadableSpan>, startedRoot?: Span, parentContext?: Context): void {
    for (const ref of result.newRuns) {
      const root = startedRoot?.spanContext().spanId === ref.rootSpanId ? startedRoot : undefined;
      const endedRoot = root
        ? undefined
        : result.placed.find(({ item }) => item.spanContext().spanId === ref.rootSpanId)?.item;
      this.#sink.runFound(ref, root, root ? parentContext : undefined, endedRoot);
    }
    for (const { item, run } of result.placed) this.#sink.spanPlaced(run, item);
    if (result.outside.length > 0) this.#sink.spansOutside(result.outside.length);
  }
}
