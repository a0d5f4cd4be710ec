import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { AGLSpanExporter, engineOf } from './agl-span-exporter.ts';
import type { Engine } from './engine.ts';
import type { ExporterStats } from './exporter-stats.ts';
import type { FlushRunResult, FlushTarget } from './flush-run.ts';
import type { AGLExporterOptions } from './options.ts';

/**
 * A span processor that also sees spans start: the rollout exists (running) as soon as its agent
 * span starts, and children never wait for their ancestors. Batching and delivery happen in the
 * exporter's engine, so no BatchSpanProcessor is needed in front of it.
 */
export class AGLSpanProcessor implements SpanProcessor {
  readonly exporter: AGLSpanExporter;
  readonly #engine: Engine;

  constructor(options: AGLExporterOptions | { exporter: AGLSpanExporter } = {}) {
    this.exporter = 'exporter' in options ? options.exporter : new AGLSpanExporter(options);
    this.#engine = engineOf(this.exporter);
  }

  onStart(span: Span, parentContext: Context): void {
    this.#engine.spanStarted(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    this.#engine.spanEnded(span);
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  /** See `AGLSpanExporter.flushRun`: waits for one run only. */
  flushRun(target: FlushTarget, timeoutMs?: number): Promise<FlushRunResult> {
    return this.exporter.flushRun(target, timeoutMs);
  }

  /** See `AGLSpanExporter.rolloutIdForTrace`. */
  rolloutIdForTrace(traceId: string, timeoutMs?: number): Promise<string | null> {
    return this.exporter.rolloutIdForTrace(traceId, timeoutMs);
  }

  getStats(): ExporterStats {
    return this.exporter.getStats();
  }
}
