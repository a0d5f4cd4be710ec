import type { AglStore, Attributes } from '@agl/client';
import { type AGLExporterOptions, AGLSpanProcessor } from '@agl/exporter';
import type { Tracer, TracerProvider } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { WorkerTracingHandle } from './run-rollout.ts';

export interface WorkerTracingOptions {
  /** The store the worker dequeues from; spans go to the same one. */
  store: AglStore;
  /** `service.name` of the spans. Default `agl-worker`. */
  serviceName?: string;
  /**
   * Register the provider (and its context manager) globally. Default true: agents that trace
   * through the global API (Mastra's OTel bridge) then nest their spans under each run's root.
   */
  register?: boolean;
  /** Exporter settings (queue sizes, timeouts, transport). `store` is always the one above. */
  exporter?: Omit<AGLExporterOptions, 'store' | 'endpoint' | 'dialect'>;
}

export interface WorkerTracing extends WorkerTracingHandle {
  tracer: Tracer;
  /** Give it to the agent framework (e.g. Mastra's `OtelBridge({ tracerProvider })`). */
  tracerProvider: TracerProvider;
  processor: AGLSpanProcessor;
  /** Delivers what is queued, then stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * An OpenTelemetry tracer provider whose spans go to AGL through `AGLSpanProcessor`. The worker's
 * root span carries the dequeued rollout and attempt ids, so the processor adds each run's spans
 * to that attempt; it neither starts a rollout nor finishes the attempt (the worker does).
 */
export function createWorkerTracing(options: WorkerTracingOptions): WorkerTracing {
  const processor = new AGLSpanProcessor({ ...options.exporter, store: options.store });
  const resourceAttributes: Attributes = { 'service.name': options.serviceName ?? 'agl-worker' };
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes(resourceAttributes),
    spanProcessors: [processor],
  });
  if (options.register ?? true) provider.register();
  return {
    tracer: provider.getTracer('@agl/worker'),
    tracerProvider: provider,
    processor,
    resourceAttributes,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
