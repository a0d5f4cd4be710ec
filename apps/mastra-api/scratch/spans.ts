import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { createApp } from '../src/app.ts';
import { getDatasetPost } from '../src/dataset/posts.ts';
import { createMastra } from '../src/mastra.ts';
import { createOtelObservability } from '../src/otel-observability.ts';
import { createPostAnalyzer } from '../src/post-analyzer.ts';
import { scriptedModel } from '../test/support/scripted-model.ts';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'probe' }),
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
provider.register();
const mastra = createMastra({
  model: scriptedModel().model,
  observability: createOtelObservability({ tracerProvider: provider }),
  logger: false,
});
const app = createApp({ analyzer: createPostAnalyzer(mastra), model: { id: 'x', offline: true } });
const res = await app.request('/api/analyze', {
  method: 'POST',
  body: JSON.stringify({ ...getDatasetPost('post-001').post, postId: 'post-001' }),
});
const body = await res.json();
console.log(res.status, body.traceId, body.runId);
await provider.forceFlush();
const spans = exporter.getFinishedSpans();
const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
const children = new Map<string, any[]>();
for (const s of spans) {
  const p = s.parentSpanContext?.spanId ?? 'root';
  children.set(p, [...(children.get(p) ?? []), s]);
}
function print(id: string, depth: number) {
  for (const s of children.get(id) ?? []) {
    console.log(
      '  '.repeat(depth) + s.name,
      s.kind,
      s.attributes['mastra.span.type'],
      s.spanContext().traceId === body.traceId,
    );
    print(s.spanContext().spanId, depth + 1);
  }
}
print('root', 0);
console.log(spans.map((s) => s.name).join(' | '));
const tool = spans.find((s) => s.name.includes('replyWriter'));
console.log(
  JSON.stringify(
    spans.find((s) => s.name === 'invoke_agent postAnalyzer')?.attributes,
    null,
    1,
  ).slice(0, 3000),
);
for (const s of spans.filter((s) => s.name.includes('replyWriter')))
  console.log(s.name, JSON.stringify(s.attributes).slice(0, 1500));
await provider.shutdown();
const seen = new Set<string>();
for (const s of spans) {
  if (seen.has(s.name)) continue;
  seen.add(s.name);
  console.log(
    '\n##',
    s.name,
    'kind',
    s.kind,
    'status',
    JSON.stringify(s.status),
    'events',
    s.events.map((e) => e.name),
  );
  for (const [k, v] of Object.entries(s.attributes))
    console.log('  ', k, '=', String(v).slice(0, 160).replace(/\n/g, '\\n'));
}
console.log(JSON.stringify(provider.resource?.attributes ?? {}));
