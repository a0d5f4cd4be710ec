import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { isAgentSpan } from './agent-span.ts';
import { registerExporterMetrics } from './exporter-metrics.ts';
import type { ExporterStats } from './exporter-stats.ts';
import type { FlushRunResult, FlushTarget } from './flush-run.ts';
import { type AGLExporterOptions, resolveOptions } from './options.ts';
import { Pipeline } from './pipeline.ts';

/**
 * An OpenTelemetry `SpanExporter` that ships spans to an Agent Lightning store, one rollout per
 * agent run. `export()` only hands spans to a bounded background queue: it never blocks, never
 * throws, and calls back once per call.
 */
export class AGLSpanExporter implements SpanExporter {
  /** @internal shared with AGLSpanProcessor */
  readonly pipeline: Pipeline;

  constructor(options: AGLExporterOptions = {}) {
    this.pipeline = new Pipeline(resolveOptions(options, isAgentSpan));
    registerExporterMetrics(() => this.pipeline.stats);
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.pipeline.isShutdown) {
      resultCallback({
        code: ExportResultCode.FAILED,
        error: new Error('AGLSpanExporter is shut down'),
      });
      return;
    }
    let refused = 0;
    for (const span of spans) if (!this.pipeline.spanEnded(span)) refused++;
    resultCallback(
      refused === 0
        ? { code: ExportResultCode.SUCCESS }
        : {
            code: ExportResultCode.FAILED,
            error: new Error(
              `AGLSpanExporter queue full: ${refused} of ${spans.length} spans dropped`,
            ),
          },
    );
  }

  forceFlush(): Promise<void> {
    return this.pipeline.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.pipeline.shutdown();
  }

  /** The rollout id of the newest agent run in `traceId`, waiting up to `timeoutMs` for it. */
  rolloutIdForTrace(traceId: string, timeoutMs?: number): Promise<string | null> {
    return this.pipeline.rolloutIdForTrace(traceId, timeoutMs);
  }

  /**
   * Waits until the run(s) of one trace, or the run rooted at one agent span, are stored and
   * finished in AGL, without waiting for other runs. For handlers that must return (and may be
   * frozen) as soon as their own run is safe.
   */
  flushRun(target: FlushTarget, timeoutMs?: number): Promise<FlushRunResult> {
    return this.pipeline.flushRun(target, timeoutMs);
  }

  /** Counters: spans queued, exported, dropped by reason, rollouts started and finished, … */
  getStats(): ExporterStats {
    return this.pipeline.stats;
  }
}
