import type { AglStore } from '@agl/client';
import type { ObservabilityEntrypoint } from '@mastra/core/observability';
import { Observability } from '@mastra/observability';
import { OtelBridge } from '@mastra/otel-bridge';
import { OtelExporter } from '@mastra/otel-exporter';
import type { TracerProvider } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { type AGLExporterOptions, AGLSpanExporter, AGLSpanProcessor } from '../../src/index.ts';

export type SetupKind = 'processor' | 'batch' | 'simple' | 'mastra-exporter';

export interface OtelSetup {
  kind: SetupKind;
  exporter: AGLSpanExporter;
  provider: NodeTracerProvider | undefined;
  observability: ObservabilityEntrypoint;
  tracerProvider: TracerProvider | undefined;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** One of the ways an app can put AGLSpanExporter behind OpenTelemetry and Mastra. */
export function createOtelSetup(
  kind: SetupKind,
  store: AglStore,
  options: AGLExporterOptions = {},
): OtelSetup {
  const exporter = new AGLSpanExporter({ store, maxHoldMs: 5_000, ...options });
  if (kind === 'mastra-exporter') {
    const otel = new OtelExporter({
      exporter,
      provider: { custom: { endpoint: store.baseUrl } },
      signals: { traces: true, logs: false },
    });
    const observability = new Observability({
      configs: { default: { serviceName: 'exporter-test', exporters: [otel] } },
    });
    return {
      kind,
      exporter,
      provider: undefined,
      tracerProvider: undefined,
      observability,
      flush: async () => {
        await otel.flush?.();
        await exporter.forceFlush();
      },
      shutdown: async () => {
        await otel.shutdown();
        await exporter.shutdown();
      },
    };
  }
  const processor: SpanProcessor =
    kind === 'processor'
      ? new AGLSpanProcessor({ exporter })
      : kind === 'batch'
        ? new BatchSpanProcessor(exporter, { scheduledDelayMillis: 50 })
        : new SimpleSpanProcessor(exporter);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'exporter-test' }),
    spanProcessors: [processor],
  });
  const observability = new Observability({
    configs: {
      default: {
        serviceName: 'exporter-test',
        bridge: new OtelBridge({ tracerProvider: provider }),
      },
    },
  });
  return {
    kind,
    exporter,
    provider,
    tracerProvider: provider,
    observability,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
