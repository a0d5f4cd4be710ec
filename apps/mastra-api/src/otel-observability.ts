import type { ObservabilityEntrypoint } from '@mastra/core/observability';
import { Observability } from '@mastra/observability';
import { OtelBridge } from '@mastra/otel-bridge';
import type { TracerProvider } from '@opentelemetry/api';

export interface OtelObservabilityOptions {
  /** Defaults to the globally registered provider. */
  tracerProvider?: TracerProvider;
  serviceName?: string;
}

/**
 * Mastra observability that turns every agent run into OpenTelemetry spans (through the
 * OTel bridge). Mastra's `serviceName` does not reach the OTel resource: set `service.name`
 * on the tracer provider.
 */
export function createOtelObservability(
  options: OtelObservabilityOptions = {},
): ObservabilityEntrypoint {
  const bridge = new OtelBridge(
    options.tracerProvider === undefined ? {} : { tracerProvider: options.tracerProvider },
  );
  return new Observability({
    configs: {
      default: { serviceName: options.serviceName ?? 'mastra-api', bridge },
    },
  });
}
