import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_CALL_CHILD_SPANS_KEY, withModelCallSpans } from '../src/model-call-spans.ts';
import { packageVersions, writeSpanFixture } from './stacks/support/span-fixture.ts';
import { exporter, provider, tracer, usage } from './support/model-call-tracing.ts';

beforeEach(() => exporter.reset());
afterAll(() => provider.shutdown());

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

/** Regenerates the converter's Mastra fixtures when `AGL_WRITE_MASTRA_FIXTURE=1`. */
async function writeFixture(spans: ReadableSpan[], file: string, setup: string): Promise<void> {
  await writeSpanFixture(
    spans,
    file,
    `OpenTelemetry spans (ReadableSpan fields) of one Mastra agent run: a weather tool call, then an answer, ${setup}.`,
    packageVersions(['@mastra/core', '@mastra/observability', '@mastra/otel-bridge', 'ai']),
    'AGL_WRITE_MASTRA_FIXTURE=1 in packages/instrumentation (test/model-call-mastra.test.ts)',
  );
}
