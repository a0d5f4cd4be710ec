import { LOG_EVENT_BODY_KEY } from '@agl/client';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { GenAiLogEventsProcessor } from './genai-log-events.ts';

function setup() {
  const spans = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(spans)],
  }).getTracer('test');
  const processor = new GenAiLogEventsProcessor();
  const logger = new LoggerProvider({ processors: [processor] }).getLogger('test');
  return { spans, tracer, processor, logger };
}

describe('GenAiLogEventsProcessor', () => {
  it('adds each GenAI log event to the span it was emitted in, body as JSON', () => {
    const { spans, tracer, processor, logger } = setup();
    const span = tracer.startSpan('chat scripted-model');
    const ctx = trace.setSpan(ROOT_CONTEXT, span);
    logger.emit({
      context: ctx,
      timestamp: 1_700_000_000_000,
      severityNumber: SeverityNumber.INFO,
      attributes: { 'event.name': 'gen_ai.user.message', 'gen_ai.system': 'openai' },
      body: { content: 'Weather in Paris?' },
    });
    logger.emit({
      context: ctx,
      eventName: 'gen_ai.client.inference.operation.details',
      attributes: { 'gen_ai.input.messages': [{ role: 'user', parts: [] }] },
    });
    span.end();
    const [finished] = spans.getFinishedSpans();
    expect(finished?.events.map((event) => event.name)).toEqual([
      'gen_ai.user.message',
      'gen_ai.client.inference.operation.details',
    ]);
    expect(finished?.events[0]?.attributes).toEqual({
      'gen_ai.system': 'openai',
      [LOG_EVENT_BODY_KEY]: '{"content":"Weather in Paris?"}',
    });
    expect(finished?.events[0]?.time).toEqual([1_700_000_000, 0]);
    expect(finished?.events[1]?.attributes).toEqual({
      'gen_ai.input.messages': '[{"role":"user","parts":[]}]',
    });
    expect(processor.getStats()).toEqual({ attached: 2, dropped: { no_span: 0, span_ended: 0 } });
  });

  it('leaves other log records alone', () => {
    const { spans, tracer, processor, logger } = setup();
    const span = tracer.startSpan('work');
    logger.emit({ context: trace.setSpan(ROOT_CONTEXT, span), body: 'a plain log line' });
    logger.emit({
      context: trace.setSpan(ROOT_CONTEXT, span),
      attributes: { 'event.name': 'http.request' },
    });
    span.end();
    expect(spans.getFinishedSpans()[0]?.events).toEqual([]);
    expect(processor.getStats().attached).toBe(0);
  });

  it('counts the events it cannot place: no span, or the span had ended', () => {
    const { tracer, processor, logger } = setup();
    const event = { attributes: { 'event.name': 'gen_ai.choice' }, body: { index: 0 } };
    context.with(ROOT_CONTEXT, () => logger.emit(event));
    const span = tracer.startSpan('chat');
    span.end();
    logger.emit({ ...event, context: trace.setSpan(ROOT_CONTEXT, span) });
    logger.emit({ ...event, context: trace.setSpan(ROOT_CONTEXT, span) });
    expect(processor.getStats()).toEqual({ attached: 0, dropped: { no_span: 1, span_ended: 2 } });
  });
});
