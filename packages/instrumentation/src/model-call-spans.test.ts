import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { convertArrayToReadableStream, convertReadableStreamToArray, MockLanguageModelV4 } from 'ai/test';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MODEL_CALL_CHILD_SPANS_KEY,
  modelCallSpansMiddleware,
  withModelCallSpans,
} from './model-call-spans.ts';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
const tracer = provider.getTracer('model-call-spans-test');

beforeEach(() => exporter.reset());
afterAll(() => provider.shutdown());

const usage = {
  inputTokens: { total: 12, noCache: 10, cacheRead: 2, cacheWrite: 0 },
  outputTokens: { total: 5, text: 4, reasoning: 1 },
};
const weatherTool = {
  type: 'function' as const,
  name: 'weather',
  description: 'Get the weather',
  inputSchema: {
    type: 'object' as const,
    properties: { city: { type: 'string' as const } },
    required: ['city'],
  },
};
const prompt = [
  { role: 'system' as const, content: 'You are a weather bot.' },
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'Weather in Paris?' }] },
];
const promptAfterTool = [
  ...prompt,
  {
    role: 'assistant' as const,
    content: [
      { type: 'tool-call' as const, toolCallId: 'call-1', toolName: 'weather', input: { city: 'Paris' } },
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

function spanNamed(name: string): ReadableSpan {
  const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span named ${name}: ${exporter.getFinishedSpans().map((s) => s.name)}`);
  return span;
}

function json(span: ReadableSpan, key: string): unknown {
  return JSON.parse(String(span.attributes[key]));
}

describe('modelCallSpansMiddleware with doGenerate', () => {
  it('records the full request and a tool-call response in one span per call', async () => {
    const model = withModelCallSpans(
      new MockLanguageModelV4({
        provider: 'mock.chat',
        modelId: 'mock-model',
        doGenerate: {
          content: [
            { type: 'tool-call', toolCallId: 'call-1', toolName: 'weather', input: '{"city":"Paris"}' },
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
        parts: [{ type: 'tool_call_response', id: 'call-1', response: { forecast: 'sunny' } }],
      },
    ]);
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Sunny in Paris.' }], finish_reason: 'stop' },
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
          return { content: [], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
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

describe('modelCallSpansMiddleware with doStream', () => {
  const streamParts = [
    { type: 'stream-start' as const, warnings: [] },
    { type: 'response-metadata' as const, id: 'chatcmpl-s', modelId: 'mock-model-v1' },
    { type: 'raw' as const, rawValue: { prompt_token_ids: [7, 8], choices: [{ token_ids: [9] }] } },
    { type: 'text-start' as const, id: 't' },
    { type: 'text-delta' as const, id: 't', delta: 'Let me ' },
    { type: 'raw' as const, rawValue: { choices: [{ token_ids: [10, 11] }] } },
    { type: 'text-delta' as const, id: 't', delta: 'check.' },
    { type: 'text-end' as const, id: 't' },
    { type: 'tool-call' as const, toolCallId: 'call-9', toolName: 'weather', input: '{"city":"Rome"}' },
    { type: 'finish' as const, usage, finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' } },
  ];

  function streamingModel(modelId: string) {
    const mock = new MockLanguageModelV4({
      modelId,
      doStream: async () => ({ stream: convertArrayToReadableStream(streamParts) }),
    });
    return { mock, model: withModelCallSpans(mock, { tracer }) };
  }

  it('assembles the streamed answer, tool calls and token ids, and ends the span at the end', async () => {
    const { mock, model } = streamingModel('streamer');
    const { stream } = await model.doStream({ prompt, tools: [weatherTool] });
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    const parts = await convertReadableStreamToArray(stream);

    expect(mock.doStreamCalls[0]?.includeRawChunks).toBe(true);
    expect(parts.map((part) => part.type)).not.toContain('raw');
    expect(parts).toHaveLength(streamParts.length - 2);

    const span = spanNamed('chat streamer');
    expect(span.attributes).toMatchObject({
      'gen_ai.response.id': 'chatcmpl-s',
      'gen_ai.response.model': 'mock-model-v1',
      'gen_ai.response.finish_reasons': ['tool_calls'],
      prompt_token_ids: [7, 8],
      response_token_ids: [9, 10, 11],
    });
    expect(json(span, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [
          { type: 'text', content: 'Let me check.' },
          { type: 'tool_call', id: 'call-9', name: 'weather', arguments: { city: 'Rome' } },
        ],
        finish_reason: 'tool_calls',
      },
    ]);
    expect(spanNamed('tool_call weather').parentSpanContext?.spanId).toBe(span.spanContext().spanId);
  });

  it('passes raw chunks through when the caller asked for them', async () => {
    const { model } = streamingModel('raw-caller');
    const { stream } = await model.doStream({ prompt, includeRawChunks: true });
    const parts = await convertReadableStreamToArray(stream);
    expect(parts.filter((part) => part.type === 'raw')).toHaveLength(2);
  });

  it('leaves includeRawChunks alone when told not to read raw chunks', async () => {
    const mock = new MockLanguageModelV4({
      doStream: async () => ({ stream: convertArrayToReadableStream(streamParts) }),
    });
    const model = withModelCallSpans(mock, { tracer, rawChunks: false });
    await convertReadableStreamToArray((await model.doStream({ prompt })).stream);
    expect(mock.doStreamCalls[0]?.includeRawChunks).toBeUndefined();
  });

  it('marks error parts and a cancelled stream as errors, ending the span once', async () => {
    const failing = withModelCallSpans(
      new MockLanguageModelV4({
        modelId: 'erring',
        doStream: async () => ({
          stream: convertArrayToReadableStream([
            { type: 'error' as const, error: new Error('overloaded') },
            { type: 'finish' as const, usage, finishReason: { unified: 'error' as const, raw: undefined } },
          ]),
        }),
      }),
      { tracer },
    );
    await convertReadableStreamToArray((await failing.doStream({ prompt })).stream);
    expect(spanNamed('chat erring').status).toEqual({ code: SpanStatusCode.ERROR, message: 'overloaded' });

    const { model } = streamingModel('cancelled');
    const reader = (await model.doStream({ prompt })).stream.getReader();
    await reader.read();
    await reader.cancel('user left');
    const cancelled = spanNamed('chat cancelled');
    expect(cancelled.status.code).toBe(SpanStatusCode.ERROR);
    expect(cancelled.status.message).toContain('user left');
    expect(exporter.getFinishedSpans().filter((s) => s.name === 'chat cancelled')).toHaveLength(1);
  });

  it('records a stream that fails to start as an error', async () => {
    const model = withModelCallSpans(
      new MockLanguageModelV4({
        modelId: 'no-stream',
        doStream: async () => {
          throw new Error('connection refused');
        },
      }),
      { tracer },
    );
    await expect(model.doStream({ prompt })).rejects.toThrow('connection refused');
    expect(spanNamed('chat no-stream').status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('modelCallSpansMiddleware options', () => {
  it('asks for a tracer with a message that says where to get one', () => {
    expect(() => modelCallSpansMiddleware({} as never)).toThrow(/needs \{ tracer \}/);
  });
});
