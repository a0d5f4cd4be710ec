// A small set of spans covering every field the conversion touches, recorded with the real
// OpenTelemetry SDK, plus spans carrying values the SDK itself would refuse.
import {
  context,
  type Link,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { readableSpanFrom } from './arbitrary-span.ts';

export function handBuiltSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(
      { 'service.name': 'hand-built', 'deployment.environment': 'test', 'host.cores': 2 },
      { schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' },
    ),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('hand-built-scope', '1.0.0');
  const linked = {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
    traceState: new TraceState('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE'),
  };

  const root = tracer.startSpan('agent run', {
    kind: SpanKind.SERVER,
    startTime: [1_700_000_000, 1],
  });
  const rootContext = trace.setSpan(context.active(), root);
  const links: Link[] = [
    { context: linked, attributes: { 'link.reason': 'retry of', 'link.attempt': 1 } },
    { context: { ...linked, spanId: 'c7ad6b7169203331', isRemote: false } },
  ];
  const call = tracer.startSpan(
    'chat model',
    { kind: SpanKind.CLIENT, links, startTime: [1_700_000_000, 123_456_789] },
    rootContext,
  );
  call.setAttributes({
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.temperature': 0.7,
    'gen_ai.request.max_tokens': 256,
    'gen_ai.input.messages':
      '[{"role":"user","parts":[{"type":"text","content":"Grüße, 世界 😀"}]}]',
    'gen_ai.output.messages': '[{"role":"assistant","parts":[{"type":"text","content":"hi"}]}]',
    'gen_ai.response.finish_reasons': ['stop'],
    prompt_token_ids: [1, 2, 3],
    'flags.seen': [true, false],
    weights: [0.5, 1, 2.25],
    'empty.list': [],
  });
  call.addEvent('gen_ai.content.chunk', { index: 0 }, [1_700_000_000, 500_000_000]);
  call.recordException(new TypeError('bad chunk'), [1_700_000_000, 600_000_000]);
  call.setStatus({ code: SpanStatusCode.ERROR, message: 'model overloaded' });
  call.end([1_700_000_001, 0]);

  const tool = tracer.startSpan('execute_tool weather', { kind: SpanKind.INTERNAL }, rootContext);
  tool.setAttributes({
    'gen_ai.tool.name': 'weather',
    'gen_ai.tool.call.id': 'call-1',
    'gen_ai.tool.call.arguments': '{"city":"Paris"}',
  });
  tool.setStatus({ code: SpanStatusCode.OK });
  tool.end();

  const producer = tracer.startSpan('enqueue', { kind: SpanKind.PRODUCER }, rootContext);
  producer.end();
  const consumer = tracer.startSpan('dequeue', {
    kind: SpanKind.CONSUMER,
    links: [{ context: producer.spanContext() }],
  });
  consumer.end();
  root.end([1_700_000_002, 0]);

  const unsafe = readableSpanFrom({
    name: 'unsafe \uD800 values',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    parentSpanId: undefined,
    attributes: {
      nan: Number.NaN,
      inf: Number.NEGATIVE_INFINITY,
      nothing: null,
      big: 12345678901234567890n,
      nested: { role: 'user', meta: { depth: [1, 2] } },
      mixed: ['a', 1, true],
      holed: [1, null, 3],
      nestedArray: [[1], ['x']],
      lone: 'x\uDC00y',
      when: new Date(Date.UTC(2025, 5, 1)),
      bytes: new Uint8Array([1, 2, 255]),
    },
    events: [
      { name: 'odd event', attributes: { value: { a: Number.NaN } }, time: [1_700_000_000, 0] },
    ],
    links: [{ spanId: '00f067aa0ba902b8', attributes: { list: [[]] } }],
    resourceAttributes: { 'service.name': 'unsafe', extra: { a: 1 } },
    start: [1_700_000_000, 0],
    statusMessage: 'failed \uD83D',
  });
  return [...exporter.getFinishedSpans(), unsafe];
}
