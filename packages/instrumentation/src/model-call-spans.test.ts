import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  convertArrayToReadableStream,
  convertReadableStreamToArray,
  MockLanguageModelV4,
} from 'ai/test';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MODEL_CALL_CHILD_SPANS_KEY,
  modelCallSpansMiddleware,
  toolOutput,
  withModelCallSpans,
} from './model-call-spans.ts';

const exporter = new InMemorySpanExporter();
// A fixed service name keeps machine paths (the default names the node binary) out of fixtures.
const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'unknown_service:node' }),
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
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

function spanNamed(name: string): ReadableSpan {
  const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
  if (!span)
    throw new Error(`no span named ${name}: ${exporter.getFinishedSpans().map((s) => s.name)}`);
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

// ---- a real Mastra agent -------------------------------------------------------------------

const FIXTURE_DIR = 'packages/converter/test/fixtures';

/** A model that asks for the weather tool, then answers; replies carry vLLM-style token ids. */
function weatherModel() {
  const reply = (index: number, content: unknown[], finish: 'tool-calls' | 'stop') => ({
    content,
    finishReason: { unified: finish, raw: finish === 'stop' ? 'stop' : 'tool_calls' },
    usage,
    warnings: [],
    response: {
      id: `chatcmpl-weather-${index}`,
      modelId: 'mock-weather-model',
      timestamp: new Date(0),
      body: {
        id: `chatcmpl-weather-${index}`,
        prompt_token_ids: [100 + index, 200 + index, 300 + index],
        choices: [{ token_ids: [400 + index, 500 + index] }],
      },
    },
  });
  const replies = [
    reply(
      1,
      [{ type: 'tool-call', toolCallId: 'call-1', toolName: 'weather', input: '{"city":"Paris"}' }],
      'tool-calls',
    ),
    reply(2, [{ type: 'text', text: 'It is sunny in Paris.' }], 'stop'),
  ];
  const toStream = (index: number) => {
    const source = replies[index] as (typeof replies)[number];
    const parts: unknown[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'response-metadata', id: source.response.id, modelId: source.response.modelId },
      { type: 'raw', rawValue: source.response.body },
    ];
    for (const item of source.content as Array<{ type: string; text?: string }>) {
      if (item.type === 'text') {
        parts.push(
          { type: 'text-start', id: 'a' },
          { type: 'text-delta', id: 'a', delta: item.text },
          { type: 'text-end', id: 'a' },
        );
      } else {
        parts.push(item);
      }
    }
    parts.push({ type: 'finish', usage, finishReason: source.finishReason });
    return { stream: convertArrayToReadableStream(parts as never[]) };
  };
  let generated = 0;
  let streamed = 0;
  return new MockLanguageModelV4({
    provider: 'mock-provider',
    modelId: 'mock-weather-model',
    doGenerate: async () => replies[generated++ % 2] as never,
    doStream: async () => toStream(streamed++ % 2) as never,
  });
}

async function runMastraAgent(
  mode: 'generate' | 'stream',
  middleware = true,
): Promise<ReadableSpan[]> {
  const [{ Agent }, { Mastra }, { createTool }, { Observability }, { OtelBridge }, { z }] =
    await Promise.all([
      import('@mastra/core/agent'),
      import('@mastra/core'),
      import('@mastra/core/tools'),
      import('@mastra/observability'),
      import('@mastra/otel-bridge'),
      import('zod'),
    ]);
  const weather = createTool({
    id: 'weather',
    description: 'Get the weather for a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => ({ forecast: `sunny in ${city}` }),
  });
  const model = middleware ? withModelCallSpans(weatherModel(), { tracer }) : weatherModel();
  const agent = new Agent({
    id: 'weatherAgent',
    name: 'weatherAgent',
    instructions: 'You are a weather bot.',
    // Mastra bundles its own copy of the AI SDK provider types; the runtime objects match.
    model: model as unknown as ConstructorParameters<typeof Agent>[0]['model'],
    tools: { weather },
  });
  const mastra = new Mastra({
    agents: { weatherAgent: agent },
    logger: false,
    observability: new Observability({
      configs: {
        default: { serviceName: 'weather', bridge: new OtelBridge({ tracerProvider: provider }) },
      },
    }),
  });
  exporter.reset();
  const runner = mastra.getAgent('weatherAgent');
  if (mode === 'generate') {
    const result = await runner.generate('What is the weather in Paris?');
    expect(result.text).toBe('It is sunny in Paris.');
  } else {
    const result = await runner.stream('What is the weather in Paris?');
    expect(await result.text).toBe('It is sunny in Paris.');
  }
  await provider.forceFlush();
  return exporter.getFinishedSpans();
}

function checkMastraNesting(spans: ReadableSpan[]): void {
  const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
  const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');
  const calls = spans.filter(
    (span) =>
      span.attributes['gen_ai.operation.name'] === 'chat' &&
      span.attributes['mastra.span.type'] === undefined,
  );
  expect(calls.map((span) => span.attributes['gen_ai.response.id'])).toEqual([
    'chatcmpl-weather-1',
    'chatcmpl-weather-2',
  ]);
  for (const call of calls) {
    const step = parentOf(call);
    expect(step?.attributes['mastra.span.type']).toBe('model_step');
    expect(step?.attributes[MODEL_CALL_CHILD_SPANS_KEY]).toBe(true);
    const generation = step && parentOf(step);
    expect(generation?.attributes['mastra.span.type']).toBe('model_generation');
    expect(generation && parentOf(generation)?.attributes['mastra.span.type']).toBe('agent_run');
  }
  const [first, second] = calls as [ReadableSpan, ReadableSpan];
  expect(first.attributes).toMatchObject({
    prompt_token_ids: [101, 201, 301],
    response_token_ids: [401, 501],
  });
  expect(second.attributes).toMatchObject({
    prompt_token_ids: [102, 202, 302],
    response_token_ids: [402, 502],
  });
  const secondPrompt = JSON.parse(String(second.attributes['gen_ai.input.messages'])) as Array<{
    role: string;
  }>;
  expect(secondPrompt.map((message) => message.role)).toEqual([
    'system',
    'user',
    'assistant',
    'tool',
  ]);
  expect(JSON.stringify(secondPrompt[3])).toContain('sunny in Paris');
  expect(JSON.parse(String(first.attributes['gen_ai.tool.definitions']))).toMatchObject([
    { type: 'function', name: 'weather', description: 'Get the weather for a city' },
  ]);

  const requested = spans.filter((span) => span.name === 'tool_call weather');
  expect(requested).toHaveLength(1);
  expect(parentOf(requested[0] as ReadableSpan)).toBe(first);
  const executed = spans.find((span) => span.attributes['mastra.span.type'] === 'tool_call');
  expect(executed?.attributes['gen_ai.tool.call.id']).toBe('call-1');
  expect(parentOf(executed as ReadableSpan)).toBe(parentOf(first));
}

describe('modelCallSpansMiddleware inside a Mastra agent', () => {
  it('nests one span per model call under Mastra model steps (generate)', async () => {
    const spans = await runMastraAgent('generate');
    checkMastraNesting(spans);
    if (process.env.AGL_WRITE_MASTRA_FIXTURE === '1') {
      await writeFixture(spans, 'mastra-weather-run.json', 'with the model-call middleware on');
    }
  });

  it('nests one span per model call under Mastra model steps (stream)', async () => {
    checkMastraNesting(await runMastraAgent('stream'));
  });

  it('leaves Mastra spans unmarked and adds nothing without the middleware', async () => {
    const spans = await runMastraAgent('generate', false);
    const steps = spans.filter((span) => span.attributes['mastra.span.type'] === 'model_step');
    expect(steps).toHaveLength(2);
    for (const step of steps)
      expect(step.attributes).not.toHaveProperty(MODEL_CALL_CHILD_SPANS_KEY);
    expect(spans.filter((span) => span.attributes['mastra.span.type'] === undefined)).toEqual([]);
    if (process.env.AGL_WRITE_MASTRA_FIXTURE === '1') {
      await writeFixture(
        spans,
        'mastra-weather-run-no-middleware.json',
        'without the model-call middleware',
      );
    }
  });
});

/** Regenerates the converter's fixtures: `AGL_WRITE_MASTRA_FIXTURE=1 pnpm exec vitest run src/model-call-spans.test.ts`. */
async function writeFixture(spans: ReadableSpan[], file: string, setup: string): Promise<void> {
  const [{ writeFile, mkdir }, { dirname, join }, { findRepoRoot }] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
    import('@agl/testkit'),
  ]);
  const versions = Object.fromEntries(
    await Promise.all(
      ['@mastra/core', '@mastra/observability', '@mastra/otel-bridge', 'ai'].map(async (name) => {
        const { createRequire } = await import('node:module');
        const pkg = createRequire(import.meta.url)(`${name}/package.json`) as { version: string };
        return [name, pkg.version];
      }),
    ),
  );
  const context = (value: ReturnType<ReadableSpan['spanContext']> | undefined) =>
    value === undefined
      ? null
      : {
          traceId: value.traceId,
          spanId: value.spanId,
          traceFlags: value.traceFlags,
          isRemote: value.isRemote ?? false,
          traceState: value.traceState?.serialize() ?? '',
        };
  const fixture = {
    description: `OpenTelemetry spans (ReadableSpan fields) of one Mastra agent run: a weather tool call, then an answer, ${setup}. Regenerate with AGL_WRITE_MASTRA_FIXTURE=1 in packages/instrumentation (src/model-call-spans.test.ts).`,
    recordedWith: versions,
    spans: spans.map((span) => ({
      name: span.name,
      kind: span.kind,
      spanContext: context(span.spanContext()),
      parentSpanContext: context(span.parentSpanContext),
      startTime: span.startTime,
      endTime: span.endTime,
      status: span.status,
      attributes: span.attributes,
      events: span.events,
      links: span.links.map((link) => ({
        context: context(link.context),
        attributes: link.attributes ?? {},
      })),
      resource: {
        attributes: span.resource.attributes,
        schemaUrl: span.resource.schemaUrl ?? null,
      },
      instrumentationScope: span.instrumentationScope,
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
    })),
  };
  const path = join(findRepoRoot(), FIXTURE_DIR, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(fixture, null, 2)}\n`);
}

// ---- a real OpenAI-compatible server (vLLM-style token ids) --------------------------------

describe('modelCallSpansMiddleware against an OpenAI-compatible server returning token ids', () => {
  /** Adds vLLM's `return_token_ids` to each request body, as AGL's LLM proxy does. */
  const withTokenIds: typeof fetch = (input, init) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    return fetch(
      input,
      body ? { ...init, body: JSON.stringify({ ...body, return_token_ids: true }) } : init,
    );
  };

  async function offlineChatModel() {
    const [{ startOfflineModel }, { createOpenAI }] = await Promise.all([
      import('@agl/offline-model'),
      import('@ai-sdk/openai'),
    ]);
    const server = await startOfflineModel();
    const openai = createOpenAI({ baseURL: server.url, apiKey: 'offline', fetch: withTokenIds });
    return { server, model: withModelCallSpans(openai.chat(server.model), { tracer }) };
  }

  it('reads token ids from the response body (generate) and the raw chunks (stream)', async () => {
    const { server, model } = await offlineChatModel();
    try {
      const { generateText, streamText } = await import('ai');
      const generated = await generateText({ model, prompt: 'Say something about the sea.' });
      const streamed = streamText({ model, prompt: 'Say something about the sea.' });
      expect(await streamed.text).toBe(generated.text);
      const calls = exporter
        .getFinishedSpans()
        .filter((span) => span.attributes['gen_ai.operation.name'] === 'chat');
      expect(calls).toHaveLength(2);
      const [fromGenerate, fromStream] = calls as [ReadableSpan, ReadableSpan];
      const promptIds = fromGenerate.attributes.prompt_token_ids as number[];
      const responseIds = fromGenerate.attributes.response_token_ids as number[];
      expect(promptIds.length).toBeGreaterThan(0);
      expect(responseIds.length).toBeGreaterThan(0);
      expect(fromStream.attributes.prompt_token_ids).toEqual(promptIds);
      expect(fromStream.attributes.response_token_ids).toEqual(responseIds);
      expect(String(fromGenerate.attributes['gen_ai.response.id'])).toMatch(/^chatcmpl-/);
    } finally {
      await server.close();
    }
  });
});

describe('toolOutput', () => {
  it('gives each tool result as an OpenAI-compatible provider sends it to the model', () => {
    expect(toolOutput({ type: 'text', value: 'plain' })).toBe('plain');
    expect(toolOutput({ type: 'json', value: { forecast: 'sunny' } })).toBe('{"forecast":"sunny"}');
    expect(toolOutput({ type: 'error-text', value: 'currency service unavailable' })).toBe(
      'currency service unavailable',
    );
    expect(
      toolOutput({ type: 'error-json', value: { error: 'currency service unavailable' } }),
    ).toBe('{"error":"currency service unavailable"}');
    expect(toolOutput({ type: 'error-json', value: 'down' })).toBe('"down"');
    expect(toolOutput({ type: 'execution-denied', reason: 'not allowed' })).toBe('not allowed');
    expect(toolOutput({ type: 'content', value: [{ type: 'text', text: 'a' }] })).toBe(
      '[{"type":"text","text":"a"}]',
    );
  });
});
