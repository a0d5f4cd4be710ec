import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { MockLanguageModelV4 } from 'ai/test';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  exporter,
  json,
  prompt,
  provider,
  spanNamed,
  tracer,
  usage,
  weatherTool,
} from '../test/support/model-call-tracing.ts';
import {
  MODEL_CALL_CHILD_SPANS_KEY,
  modelCallSpansMiddleware,
  withModelCallSpans,
} from './model-call-spans.ts';

beforeEach(() => exporter.reset());
afterAll(() => provider.shutdown());

const promptAfterTool = [
  ...prompt,
  {
    role: 'assistant' as const,
    content: [
      {
        type: 'tool-call' as const,
        toolCallId: 'call-1',
        toolName: 'weather',
        input: { city: 'Paris' },
      },
    ],
  },
  {
    role: 'tool' as const,
    content: [
      {
        type: 'tool-result' as const,
        toolCallId: 'call-1',
        toolName: 'weather',
        output: { type: 'json' as const, value: { forecast: 'sunny' } },
      },
    ],
  },
];

describe('modelCallSpansMiddleware with doGenerate', () => {
  it('records the full request and a tool-call response in one span per call', async () => {
    const model = withModelCallSpans(
      new MockLanguageModelV4({
        provider: 'mock.chat',
        modelId: 'mock-model',
        doGenerate: {
          content: [
            {
              type: 'tool-call',
              toolCallId: 'call-1',
              toolName: 'weather',
              input: '{"city":"Paris"}',
            },
          ],
          finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
          usage,
          warnings: [],
          response: {
            id: 'chatcmpl-1',
            modelId: 'mock-model-v1',
            body: { prompt_token_ids: [1, 2, 3], choices: [{ token_ids: [4, 5] }] },
          },
        },
      }),
      { tracer },
    );
    await model.doGenerate({ prompt, tools: [weatherTool], temperature: 0.2, maxOutputTokens: 64 });

    const span = spanNamed('chat mock-model');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'mock',
      'gen_ai.request.model': 'mock-model',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.max_tokens': 64,
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.model': 'mock-model-v1',
      'gen_ai.response.finish_reasons': ['tool_calls'],
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 5,
      'gen_ai.usage.cache_read.input_tokens': 2,
      'gen_ai.usage.reasoning_tokens': 1,
      prompt_token_ids: [1, 2, 3],
      response_token_ids: [4, 5],
    });
    expect(json(span, 'gen_ai.input.messages')).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'You are a weather bot.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
    ]);
    expect(json(span, 'gen_ai.tool.definitions')).toEqual([
      {
        type: 'function',
        name: 'weather',
        description: 'Get the weather',
        parameters: weatherTool.inputSchema,
      },
    ]);
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call-1', name: 'weather', arguments: { city: 'Paris' } }],
        finish_reason: 'tool_calls',
      },
    ]);

    const toolCall = spanNamed('tool_call weather');
    expect(toolCall.parentSpanContext?.spanId).toBe(span.spanContext().spanId);
    expect(toolCall.attributes).toEqual({
      'gen_ai.tool.name': 'weather',
      'gen_ai.tool.call.id': 'call-1',
      'gen_ai.tool.call.arguments': '{"city":"Paris"}',
      'gen_ai.tool.type': 'function',
    });
  });

  it('records the whole conversation, tool turns included, for a later call', async () => {
    const model = withModelCallSpans(
      new MockLanguageModelV4({
        modelId: 'mock-model',
        doGenerate: {
          content: [{ type: 'text', text: 'Sunny in Paris.' }],
          finishReason: { unified: 'stop', raw: undefined },
          usage,
          warnings: [],
        },
      }),
      { tracer, toolCallSpans: false },
    );
    await model.doGenerate({ prompt: promptAfterTool });
    const span = spanNamed('chat mock-model');
    expect(json(span, 'gen_ai.input.messages')).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'You are a weather bot.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call-1', name: 'weather', arguments: { city: 'Paris' } }],
      },
      {
        role: 'tool',
        parts: [{ type: 'tool_call_response', id: 'call-1', response: '{"forecast":"sunny"}' }],
      },
    ]);
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'text', content: 'Sunny in Paris.' }],
        finish_reason: 'stop',
      },
    ]);
    expect(span.attributes).not.toHaveProperty('prompt_token_ids');
    expect(span.attributes).not.toHaveProperty('gen_ai.response.id');
    expect(exporter.getFinishedSpans()).toHaveLength(1);
  });

  it('nests under the active span, marks it, and parents spans made inside the call', async () => {
    const model = withModelCallSpans(
      new MockLanguageModelV4({
        modelId: 'inner',
        doGenerate: async () => {
          tracer.startSpan('http request').end();
          return {
            content: [],
            finishReason: { unified: 'stop', raw: 'stop' },
            usage,
            warnings: [],
          };
        },
      }),
      { tracer },
    );
    const step = tracer.startSpan('model_step');
    await context.with(trace.setSpan(context.active(), step), () => model.doGenerate({ prompt }));
    step.end();

    const call = spanNamed('chat inner');
    expect(call.parentSpanContext?.spanId).toBe(step.spanContext().spanId);
    expect(spanNamed('http request').parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    expect(spanNamed('model_step').attributes[MODEL_CALL_CHILD_SPANS_KEY]).toBe(true);
  });

  it('records a failed call as an error and rethrows the same error', async () => {
    const failure = new Error('rate limited');
    const model = withModelCallSpans(
      new MockLanguageModelV4({
        modelId: 'failing',
        doGenerate: async () => {
          throw failure;
        },
      }),
      { tracer },
    );
    await expect(model.doGenerate({ prompt })).rejects.toBe(failure);
    const span = spanNamed('chat failing');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'rate limited' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });
});

describe('modelCallSpansMiddleware options', () => {
  it('asks for a tracer with a message that says where to get one', () => {
    expect(() => modelCallSpansMiddleware({} as never)).toThrow(/needs \{ tracer \}/);
  });

  it('never fails the model call because recording fails', async () => {
    const brokenTracer = {
      startSpan: () => {
        throw new Error('tracer broken');
      },
      startActiveSpan: () => {
        throw new Error('tracer broken');
      },
    };
    const model = withModelCallSpans(
      new MockLanguageModelV4({
        doGenerate: {
          content: [{ type: 'text', text: 'still works' }],
          finishReason: { unified: 'stop', raw: 'stop' },
          usage,
          warnings: [],
        },
      }),
      { tracer: brokenTracer as never },
    );
    const result = await model.doGenerate({ prompt });
    expect(result.content).toEqual([{ type: 'text', text: 'still works' }]);
  });
});
