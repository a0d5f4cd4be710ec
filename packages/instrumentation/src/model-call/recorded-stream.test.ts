import { SpanStatusCode } from '@opentelemetry/api';
import {
  convertArrayToReadableStream,
  convertReadableStreamToArray,
  MockLanguageModelV4,
} from 'ai/test';
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
} from '../../test/support/model-call-tracing.ts';
import { withModelCallSpans } from '../model-call-spans.ts';

beforeEach(() => exporter.reset());
afterAll(() => provider.shutdown());

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
    {
      type: 'tool-call' as const,
      toolCallId: 'call-9',
      toolName: 'weather',
      input: '{"city":"Rome"}',
    },
    {
      type: 'finish' as const,
      usage,
      finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' },
    },
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
    expect(spanNamed('tool_call weather').parentSpanContext?.spanId).toBe(
      span.spanContext().spanId,
    );
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
            {
              type: 'finish' as const,
              usage,
              finishReason: { unified: 'error' as const, raw: undefined },
            },
          ]),
        }),
      }),
      { tracer },
    );
    await convertReadableStreamToArray((await failing.doStream({ prompt })).stream);
    expect(spanNamed('chat erring').status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'overloaded',
    });

    const { model } = streamingModel('cancelled');
    const reader = (await model.doStream({ prompt })).stream.getReader();
    await reader.read();
    await reader.cancel('user left');
    const cancelled = spanNamed('chat cancelled');
    expect(cancelled.status.code).toBe(SpanStatusCode.ERROR);
    expect(cancelled.status.message).toContain('user left');
    expect(exporter.getFinishedSpans().filter((s) => s.name === 'chat cancelled')).toHaveLength(1);
  });

  it('ends the span as an error when the provider stream breaks midway', async () => {
    const model = withModelCallSpans(
      new MockLanguageModelV4({
        modelId: 'broken',
        doStream: async () => ({
          stream: new ReadableStream({
            start(controller) {
              controller.enqueue({ type: 'text-start', id: 't' });
              controller.error(new Error('socket reset'));
            },
          }),
        }),
      }),
      { tracer },
    );
    const { stream } = await model.doStream({ prompt });
    await expect(convertReadableStreamToArray(stream)).rejects.toThrow('socket reset');
    const span = spanNamed('chat broken');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain('socket reset');
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
