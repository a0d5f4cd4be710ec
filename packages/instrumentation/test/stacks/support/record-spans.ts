import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { SwitchableTracerProvider } from './switchable-tracer-provider.ts';

/**
 * The spans a library records during `run`, kept in memory (for layout checks and fixtures):
 * `run` gets a provider of its own, which `switchable` (when given) forwards to meanwhile.
 */
export async function recordSpans(
  serviceName: string,
  run: (recorder: NodeTracerProvider) => Promise<unknown>,
  switchable?: SwitchableTracerProvider,
): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const recorder = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const previous = switchable?.current;
  if (switchable) switchable.current = recorder;
  try {
    await run(recorder);
  } finally {
    if (switchable) switchable.current = previous;
  }
  const spans = [...exporter.getFinishedSpans()];
  await recorder.shutdown();
  return spans;
}
