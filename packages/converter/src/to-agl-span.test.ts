import { validateSpan } from '@agl/client';
import {
  context,
  type HrTime,
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
import { describe, expect, it } from 'vitest';
import { MASK_FAILED_VALUE } from './attributes/redact.ts';
import {
  createAglSpanConverter,
  DROPPED_EVENTS_COUNT_KEY,
  DROPPED_LINKS_COUNT_KEY,
  toAglSpan,
} from './to-agl-span.ts';

const ids = { rolloutId: 'ro-000000000001', attemptId: 'at-00000001', sequenceId: 7 };
const T0: HrTime = [1_700_000_000, 250_000_000];
const T1: HrTime = [1_700_000_001, 500_000_000];
const T2: HrTime = [1_700_000_002, 0];
const linkedContext = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
  traceState: new TraceState('vendor=value'),
};

/** Records spans with the real OpenTelemetry SDK, so the input is what an exporter receives. */
function record(
  build: (tracer: ReturnType<BasicTracerProvider['getTracer']>) => void,
  schemaUrl?: string,
) {
  const exporter = new InMemorySpanExporter();
  const resource = resourceFromAttributes(
    { 'service.name': 'weather-app', 'service.version': '1.2.3' },
    schemaUrl === undefined ? {} : { schemaUrl },
  );
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  build(provider.getTracer('weather-scope', '0.4.0'));
  return exporter.getFinishedSpans();
}

function onlySpan(spans: ReadableSpan[], name: string): ReadableSpan {
  const span = spans.find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span ${name}`);
  return span;
}

describe('toAglSpan', () => {
  it('converts every field as AGL Python does', () => {
    const spans = record((tracer) => {
      const root = tracer.startSpan('root', { startTime: T0 });
      const parentContext = trace.setSpan(context.active(), root);
      const links: Link[] = [
        { context: linkedContext, attributes: { 'link.kind': 'follows' } },
        { context: { ...linkedContext, spanId: 'c7ad6b7169203331', isRemote: false } },
      ];
      const child = tracer.startSpan(
        'child',
        { kind: SpanKind.CLIENT, startTime: T0, links, attributes: { 'http.status_code': 500 } },
        parentContext,
      );
      child.setAttribute('tags', ['a', 'b']);
      child.addEvent('retry', { attempt: 2 }, T1);
      child.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream failed' });
      child.end(T2);
      root.end(T2);
    }, 'https://opentelemetry.io/schemas/1.26.0');
    const root = onlySpan(spans, 'root');
    const child = onlySpan(spans, 'child');
    const rootId = root.spanContext().spanId;
    const traceId = root.spanContext().traceId;

    expect(toAglSpan(child, ids)).toEqual({
      rollout_id: 'ro-000000000001',
      attempt_id: 'at-00000001',
      sequence_id: 7,
      trace_id: traceId,
      span_id: child.spanContext().spanId,
      parent_id: rootId,
      name: 'child',
      status: { status_code: 'ERROR', description: 'upstream failed' },
      attributes: { 'http.status_code': 500, tags: ['a', 'b'] },
      events: [{ name: 'retry', attributes: { attempt: 2 }, timestamp: 1_700_000_001.5 }],
      links: [
        {
          context: {
            trace_id: '0af7651916cd43dd8448eb211c80319c',
            span_id: 'b7ad6b7169203331',
            is_remote: true,
            trace_state: { vendor: 'value' },
          },
          attributes: { 'link.kind': 'follows' },
        },
        {
          context: {
            trace_id: '0af7651916cd43dd8448eb211c80319c',
            span_id: 'c7ad6b7169203331',
            is_remote: false,
            trace_state: { vendor: 'value' },
          },
          attributes: null,
        },
      ],
      start_time: 1_700_000_000.25,
      end_time: 1_700_000_002,
      context: {
        trace_id: traceId,
        span_id: child.spanContext().spanId,
        is_remote: false,
        trace_state: {},
      },
      parent: { trace_id: traceId, span_id: rootId, is_remote: false, trace_state: {} },
      resource: {
        attributes: { 'service.name': 'weather-app', 'service.version': '1.2.3' },
        schema_url: 'https://opentelemetry.io/schemas/1.26.0',
      },
      kind: 'SpanKind.CLIENT',
      instrumentation_scope: { name: 'weather-scope', version: '0.4.0', schema_url: null },
    });
  });

  it('writes a root span with null parent fields, an empty schema_url and UNSET status', () => {
    const span = onlySpan(
      record((tracer) => tracer.startSpan('lonely', { startTime: T0 }).end(T1)),
      'lonely',
    );
    const converted = toAglSpan(span, ids);
    expect(converted.parent_id).toBeNull();
    expect(converted.parent).toBeNull();
    expect(converted.status).toEqual({ status_code: 'UNSET', description: null });
    expect(converted.resource.schema_url).toBe('');
    expect(converted.kind).toBe('SpanKind.INTERNAL');
    expect(validateSpan(converted)).toEqual([]);
  });

  it('writes null for the end time of a span that has not ended', () => {
    const spans: ReadableSpan[] = [];
    record((tracer) => {
      spans.push(tracer.startSpan('open', { startTime: T0 }) as unknown as ReadableSpan);
    });
    const converted = toAglSpan(spans[0] as ReadableSpan, ids);
    expect(converted.end_time).toBeNull();
    expect(validateSpan(converted)).toEqual([]);
  });

  it('keeps every required key present, with null where AGL allows it', () => {
    const span = onlySpan(
      record((tracer) => tracer.startSpan('s').end()),
      's',
    );
    const converted = toAglSpan(span, ids);
    for (const key of [
      'rollout_id',
      'attempt_id',
      'sequence_id',
      'trace_id',
      'span_id',
      'parent_id',
      'name',
      'status',
      'attributes',
      'events',
      'links',
      'start_time',
      'end_time',
      'context',
      'parent',
      'resource',
    ]) {
      expect(converted).toHaveProperty(key);
    }
    expect(JSON.parse(JSON.stringify(converted))).toEqual(converted);
  });

  it('normalises GenAI attributes and renames LLM calls on the AGL copy only', () => {
    const span = onlySpan(
      record((tracer) => {
        tracer
          .startSpan('chat mock-model', {
            kind: SpanKind.CLIENT,
            attributes: {
              'gen_ai.operation.name': 'chat',
              'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]',
              'gen_ai.output.messages':
                '[{"role":"assistant","parts":[{"type":"text","content":"hello"}]}]',
              'gen_ai.response.id': 'resp-1',
            },
          })
          .end();
      }),
      'chat mock-model',
    );
    const converted = toAglSpan(span, ids);
    expect(span.name).toBe('chat mock-model');
    expect(converted.name).toBe('openai.chat.completion');
    expect(converted.attributes).toMatchObject({
      'gen_ai.input.messages': span.attributes['gen_ai.input.messages'],
      'gen_ai.response.id': 'resp-1',
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': 'hi',
      'gen_ai.completion.0.content': 'hello',
      'agl.span.original_name': 'chat mock-model',
    });
    const untouched = createAglSpanConverter({ genai: false }).convert(span, ids);
    expect(untouched.name).toBe('chat mock-model');
    expect(untouched.attributes).toEqual(span.attributes);
  });

  it('keeps the most recent events and the first links within the limits, and marks the drops', () => {
    const span = onlySpan(
      record((tracer) => {
        const links = [0, 1, 2].map((index) => ({
          context: { ...linkedContext, spanId: `00000000000000a${index}` },
        }));
        const s = tracer.startSpan('busy', { links });
        for (let index = 0; index < 5; index++) s.addEvent(`e${index}`);
        s.end();
      }),
      'busy',
    );
    const converter = createAglSpanConverter({ limits: { eventCountLimit: 2, linkCountLimit: 1 } });
    const converted = converter.convert(span, ids);
    expect(converted.events.map((event) => event.name)).toEqual(['e3', 'e4']);
    expect(converted.links.map((link) => link.context.span_id)).toEqual(['00000000000000a0']);
    expect(converted.attributes[DROPPED_EVENTS_COUNT_KEY]).toBe(3);
    expect(converted.attributes[DROPPED_LINKS_COUNT_KEY]).toBe(2);
    expect(converter.stats).toMatchObject({ spans: 1, eventsDropped: 3, linksDropped: 2 });
  });

  it('runs the mask everywhere and never sends a value raw when it throws', () => {
    const span = onlySpan(
      record((tracer) => {
        const s = tracer.startSpan('login', {
          attributes: { password: 'hunter2' },
          links: [{ context: linkedContext, attributes: { token: 't' } }],
        });
        s.addEvent('exception', { 'exception.message': 'bad password hunter2' });
        s.setStatus({ code: SpanStatusCode.ERROR, message: 'password hunter2 rejected' });
        s.end();
      }),
      'login',
    );
    const throwing = createAglSpanConverter({
      mask: () => {
        throw new Error('mask bug');
      },
    });
    const converted = throwing.convert(span, ids);
    const text = JSON.stringify(converted);
    expect(text).not.toContain('hunter2');
    expect(converted.attributes.password).toBe(MASK_FAILED_VALUE);
    expect(converted.events[0]?.attributes['exception.message']).toBe(MASK_FAILED_VALUE);
    expect(converted.links[0]?.attributes?.token).toBe(MASK_FAILED_VALUE);
    expect(converted.status.description).toBe(MASK_FAILED_VALUE);
    expect(converted.resource.attributes['service.name']).toBe(MASK_FAILED_VALUE);
    expect(throwing.stats.maskFailures).toBeGreaterThanOrEqual(5);

    const replacing = createAglSpanConverter({
      mask: ({ value }) => (typeof value === 'string' ? value.replaceAll('hunter2', '***') : value),
    }).convert(span, ids);
    expect(JSON.stringify(replacing)).not.toContain('hunter2');
    expect(replacing.status.description).toBe('password *** rejected');
  });

  it('caps the span name and status description at the value length limit', () => {
    const span = onlySpan(
      record((tracer) => {
        const s = tracer.startSpan('x'.repeat(50));
        s.setStatus({ code: SpanStatusCode.ERROR, message: 'y'.repeat(50) });
        s.end();
      }),
      'x'.repeat(50),
    );
    const converted = createAglSpanConverter({ limits: { attributeValueLengthLimit: 10 } }).convert(
      span,
      ids,
    );
    expect(converted.name).toBe(`${'x'.repeat(10)}…[truncated 40 characters]`);
    expect(converted.status.description).toBe(`${'y'.repeat(10)}…[truncated 40 characters]`);
  });

  it('converts a shared resource once per converter', () => {
    const spans = record((tracer) => {
      tracer.startSpan('a').end();
      tracer.startSpan('b').end();
    });
    const converter = createAglSpanConverter();
    const [first, second] = spans.map((span) => converter.convert(span, ids));
    expect(first?.resource).toBe(second?.resource);
  });

  it('reads the parent id of SDK 1.x spans, which have parentSpanId instead of a context', () => {
    const span = onlySpan(
      record((tracer) => tracer.startSpan('legacy').end()),
      'legacy',
    );
    const legacy = {
      ...span,
      spanContext: () => span.spanContext(),
      parentSpanContext: undefined,
      parentSpanId: 'ABCDEF0123456789',
    };
    const converted = toAglSpan(legacy as unknown as ReadableSpan, ids);
    expect(converted.parent_id).toBe('abcdef0123456789');
    expect(converted.parent?.trace_id).toBe(span.spanContext().traceId);
  });

  it('rejects malformed ids with a message saying what to pass', () => {
    const span = onlySpan(
      record((tracer) => tracer.startSpan('s').end()),
      's',
    );
    expect(() => toAglSpan(span, { ...ids, rolloutId: '' })).toThrow(
      /rolloutId must be a non-empty string/,
    );
    expect(() => toAglSpan(span, { ...ids, attemptId: 3 as never })).toThrow(/attemptId/);
    expect(() => toAglSpan(span, { ...ids, sequenceId: 1.5 })).toThrow(
      /sequenceId must be a whole number/,
    );
  });

  it('rejects bad options when the converter is created', () => {
    expect(() => createAglSpanConverter({ limits: { attributeCountLimit: -1 } })).toThrow(
      /attributeCountLimit/,
    );
    expect(() => createAglSpanConverter({ mask: 'x' as never })).toThrow(/mask must be a function/);
    expect(() => createAglSpanConverter({ genai: { llmSpanName: '' } })).toThrow(/llmSpanName/);
  });

  it('survives a span object with missing or broken parts', () => {
    const broken = {
      name: undefined,
      spanContext: () => {
        throw new Error('no context');
      },
      attributes: undefined,
      events: 'nope',
      links: [null, { context: undefined }],
      status: undefined,
      startTime: undefined,
      endTime: [0, 0],
      resource: undefined,
      instrumentationScope: undefined,
    } as unknown as ReadableSpan;
    const converter = createAglSpanConverter();
    const converted = converter.convert(broken, ids);
    expect(converter.stats.linksDropped).toBe(2);
    expect(validateSpan(converted)).toEqual([]);
    expect(converted).toMatchObject({
      name: '',
      events: [],
      links: [],
      context: null,
      start_time: null,
    });
  });
});
