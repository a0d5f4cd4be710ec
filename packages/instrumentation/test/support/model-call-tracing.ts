// In-memory tracing and shared inputs for the model-call middleware's tests. Each test file that
// imports this runs in its own worker, so it gets a provider of its own.
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export const exporter = new InMemorySpanExporter();
// A fixed service name keeps machine paths (the default names the node binary) out of fixtures.
export const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'unknown_service:node' }),
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
provider.register();
// The converter's Mastra fixtures carry this scope name; keep it when regenerating them.
export const tracer = provider.getTracer('model-call-spans-test');

export const usage = {
  inputTokens: { total: 12, noCache: 10, cacheRead: 2, cacheWrite: 0 },
  outputTokens: { total: 5, text: 4, reasoning: 1 },
};
export const weatherTool = {
  type: 'function' as const,
  name: 'weather',
  description: 'Get the weather',
  inputSchema: {
    type: 'object' as const,
    properties: { city: { type: 'string' as const } },
    required: ['city'],
  },
};
export const prompt = [
  { role: 'system' as const, content: 'You are a weather bot.' },
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'Weather in Paris?' }] },
];

export function spanNamed(name: string): ReadableSpan {
  const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
  if (!span)
    throw new Error(`no span named ${name}: ${exporter.getFinishedSpans().map((s) => s.name)}`);
  return span;
}

export function json(span: ReadableSpan, key: string): unknown {
  return JSON.parse(String(span.attributes[key]));
}
