import { context, propagation, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterEach } from 'vitest';
import { type AGLExporterOptions, AGLSpanExporter, AGLSpanProcessor } from '../../src/index.ts';

/**
 * A global tracer provider feeding a fresh exporter per test, shut down and unregistered after
 * each test: `const start = useRegisteredExporter(); const { exporter, tracer } = start({...})`.
 */
export function useRegisteredExporter(): (options: AGLExporterOptions) => {
  exporter: AGLSpanExporter;
  provider: NodeTracerProvider;
  tracer: ReturnType<NodeTracerProvider['getTracer']>;
} {
  let provider: NodeTracerProvider | undefined;
  afterEach(async () => {
    await provider?.shutdown();
    provider = undefined;
    trace.disable();
    context.disable();
    propagation.disable();
  });
  return (options) => {
    const exporter = new AGLSpanExporter(options);
    provider = new NodeTracerProvider({ spanProcessors: [new AGLSpanProcessor({ exporter })] });
    provider.register();
    return { exporter, provider, tracer: provider.getTracer('test') };
  };
}
