import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { isAgentSpan } from './agent-span.ts';
import { Engine } from './engine.ts';
import { registerExporterMetrics } from './exporter-metrics.ts';
import type { ExporterStats } from './exporter-stats.ts';
import type { FlushRunResult, FlushTarget } from './flush-run.ts';
import { type AGLExporterOptions, resolveOptions } from './options.ts';

const engines = new WeakMap<AGLSpanExporter, Engine>();

/** The engine behind an exporter, for the span processor that shares it. */
export function engineOf(exporter: AGLSpanExporter): Engine {
  return engines.get(exporter) as Engine;
}

/**
 * An OpenTelemetry `SpanExporter` that ships spans to an Agent Lightning store, one rollout per
 * agent run. `export()` only hands spans to the engine: it never blocks, never throws, and
 * calls back once per call.
 */
export class AGLSpanExporter implements SpanExporter {
  readonly #engine: Engine;

  constructor(options: AGLExporterOptions = {}) {
    const resolved = resolveOptions(options, isAgentSpan);
    this.#engine = new Engine(resolved);
    engines.set(this, this.#engine);
    registerExporterMetrics(
      () => this.#engine.stats,
      options.meterProvider?.getMeter('@agl/exporter'),
    );
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.#engine.isShutdown) {
      resultCallback({
        code: ExportResultCode.FAILED,
        error: new Error('AGLSpanExporter is shut down'),
      });
      return;
    }
    for (const span of spans) this.#engine.spanEnded(span);
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  forceFlush(): Promise<void> {
    return this.#engine.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.#engine.shutdown();
  }

  /**
   * The rollout id of the newest agent run in `traceId`, waiting up to `timeoutMs` for it to be
   * created; null at once when the trace has no run or the store is out of reach.
   */
  rolloutIdForTrace(traceId: string, timeoutMs?: number): Promise<string | null> {
    return this.#engine.rolloutIdForTrace(traceId, timeoutMs);
  }

  /**
   * Waits until the run(s) of one trace, or the run rooted at one agent span, are stored and
   * finished in AGL, without waiting for other runs. For handlers that must return (and may be
   * frozen) as soon as their own run is safe.
   */
  flushRun(target: FlushTarget, timeoutMs?: number): Promise<FlushRunResult> {
    return this.#engine.flushRun(target, timeoutMs);
  }

  /** Counters: spans queued, exported, dropped by reason, rollouts started and finished, … */
  getStats(): ExporterStats {
    return this.#engine.stats;
  }
}
