import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, describe, expect, it } from 'vitest';
import { aglRun } from './agl-run.ts';

function tracing() {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  // Registers the async context manager, which carries the active span across awaits.
  provider.register();
  return { exporter, tracer: provider.getTracer('test') };
}

describe('aglRun', () => {
  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it('opens an agent-run span, active while the function runs, with input and metadata', async () => {
    const { exporter, tracer } = tracing();
    const result = await aglRun(
      'support-bot',
      async () => {
        tracer.startSpan('inner').end();
        return 42;
      },
      { tracer, input: { question: 'why?' }, metadata: { userId: 'u1' } },
    );
    expect(result).toBe(42);
    const [inner, run] = exporter.getFinishedSpans();
    expect(run?.name).toBe('invoke_agent support-bot');
    expect(run?.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'support-bot',
      'agl.run': true,
      'agl.run.input': '{"question":"why?"}',
      'agl.metadata.userId': 'u1',
    });
    expect(run?.status.code).toBe(SpanStatusCode.OK);
    expect(inner?.parentSpanContext?.spanId).toBe(run?.spanContext().spanId);
  });

  it('marks the run failed and passes the error on', async () => {
    const { exporter, tracer } = tracing();
    const error = new Error('tool exploded');
    await expect(aglRun('bot', () => Promise.reject(error), { tracer })).rejects.toBe(error);
    const [run] = exporter.getFinishedSpans();
    expect(run?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'tool exploded' });
    expect(run?.events[0]?.name).toBe('exception');
  });

  it('says what is wrong with bad arguments', async () => {
    await expect(aglRun('', () => 1)).rejects.toThrow(/name must be a non-empty string/);
    await expect(aglRun('bot', undefined as never)).rejects.toThrow(/function to run/);
  });
});
