import { DEFAULT_ENDPOINT } from '@agl/client';
import { type AGLExporterOptions, AGLSpanExporter } from '@agl/exporter';
import type { SpanType } from '@mastra/core/observability';
import { Observability } from '@mastra/observability';
import { OtelBridge } from '@mastra/otel-bridge';
import { OtelExporter } from '@mastra/otel-exporter';
import { type AglHandles, aglHandles } from './register-agl.ts';

export interface AglMastraOptions {
  /** Mastra's own service name (the OTel `service.name` comes from the provider's resource). */
  serviceName?: string;
  /** Mastra span types to leave out, e.g. model chunks. */
  excludeSpanTypes?: SpanType[];
}

/**
 * Mastra's `observability` config with the OtelBridge writing into our tracer provider. Passing
 * the provider explicitly keeps spans flowing even if a second copy of `@opentelemetry/api` slips
 * into the app. Returns undefined when AGL export is off, so Mastra runs exactly as without us.
 *
 *   new Mastra({ agents, observability: aglMastraObservability() })
 */
export function aglMastraObservability(
  options: AglMastraOptions = {},
  handles: AglHandles | null = aglHandles(),
): Observability | undefined {
  if (!handles) return undefined;
  return new Observability({
    configs: {
      default: {
        serviceName: options.serviceName ?? 'mastra',
        bridge: new OtelBridge({ tracerProvider: handles.provider }),
        ...(options.excludeSpanTypes ? { excludeSpanTypes: options.excludeSpanTypes } : {}),
      },
    },
  });
}

/**
 * The same, as a spread for Mastra's config: `{ observability }` when AGL export is on, `{}` when
 * it is off.
 *
 *   new Mastra({ agents, ...aglMastra() })
 */
export function aglMastra(
  options: AglMastraOptions = {},
  handles: AglHandles | null = aglHandles(),
): { observability?: Observability } {
  const observability = aglMastraObservability(options, handles);
  return observability ? { observability } : {};
}

/**
 * The alternative without a global provider: Mastra's own OTel exporter, shipping through an
 * `AGLSpanExporter`. It sees spans only when they end, so rollouts appear once a run finishes.
 */
export function aglMastraOtelExporter(
  exporterOptions: AGLExporterOptions = {},
  options: AglMastraOptions = {},
): { observability: Observability; exporter: AGLSpanExporter } {
  const exporter = new AGLSpanExporter(exporterOptions);
  const observability = new Observability({
    configs: {
      default: {
        serviceName: options.serviceName ?? 'mastra',
        exporters: [
          new OtelExporter({
            exporter,
            // Required by OtelExporter; with `exporter` given it only labels the spans.
            provider: { custom: { endpoint: exporterOptions.endpoint ?? DEFAULT_ENDPOINT } },
            signals: { traces: true, logs: false },
          }),
        ],
        ...(options.excludeSpanTypes ? { excludeSpanTypes: options.excludeSpanTypes } : {}),
      },
    },
  });
  return { observability, exporter };
}
