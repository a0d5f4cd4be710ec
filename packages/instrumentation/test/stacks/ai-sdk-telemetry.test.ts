// The Vercel AI SDK's built-in telemetry (AI SDK 4, 5 and 6, `experimental_telemetry`), wired as
// the README says, against real AGL stores, judged by AGL's own adapters: one rollout per
// top-level call, one triplet and one whole TraceToMessages record per model call, streamed or not.

import type { AdapterOutput } from '@agl/testkit';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AglHandles } from '../../src/register-agl.ts';
import { expectOneWholeRecordPerCall } from './support/adapter-records.ts';
import { AI_SDK_4 } from './support/ai-sdk-v4.ts';
import { AI_SDK_5 } from './support/ai-sdk-v5.ts';
import { AI_SDK_6 } from './support/ai-sdk-v6.ts';
import type { AiSdkTelemetry, AiSdkWeatherBot } from './support/ai-sdk-weather-bot.ts';
import { recordSpans } from './support/record-spans.ts';
import { FINAL_ANSWER, type ScriptedOpenAiServer } from './support/scripted-openai-server.ts';
import { packageVersions, WRITE_STACK_FIXTURES, writeSpanFixture } from './support/span-fixture.ts';
import { collectRuns, type Stack, startStack, stopStack } from './support/stack-suite.ts';
import type { StoredRollout } from './support/stored-rollouts.ts';
import { WEATHER_QUESTION } from './support/weather.ts';

const PYTHON_TIMEOUT_MS = 180_000;
const TELEMETRY: AiSdkTelemetry = { isEnabled: true, functionId: 'weather-bot' };
const STACKS = [AI_SDK_4, AI_SDK_5, AI_SDK_6].flatMap((stack) =>
  SUPPORTED_AGL_VERSIONS.map((version) => ({ stack, version })),
);

describe.each(STACKS)('$stack.label telemetry into AGL $version', ({ stack, version }) => {
  const server = useAglStore(version);
  let model: ScriptedOpenAiServer;
  let agl: AglHandles;
  let suite: Stack;
  const served: Record<'generate' | 'stream', number> = { generate: 0, stream: 0 };
  let rollouts: Record<'generate' | 'stream', StoredRollout>;
  let adapted: Promise<Record<'generate' | 'stream', AdapterOutput>>;
  let bot: AiSdkWeatherBot;

  beforeAll(async () => {
    suite = await startStack(server.url, 'ai-sdk-stack');
    ({ model, agl } = suite);

    bot = stack.weatherBot(model.url);

    let before = model.calls.length;
    expect(await bot.generate(TELEMETRY)).toBe(FINAL_ANSWER);
    served.generate = model.calls.length - before;

    before = model.calls.length;
    expect(await bot.stream(TELEMETRY)).toBe(FINAL_ANSWER);
    served.stream = model.calls.length - before;

    ({ rollouts, adapted } = await collectRuns(suite, version, ['generate', 'stream']));
  }, PYTHON_TIMEOUT_MS);

  afterAll(() => stopStack(suite));

  it('stores one succeeded rollout per top-level call, with the question as input', () => {
    for (const kind of ['generate', 'stream'] as const) {
      const { rollout, spans } = rollouts[kind];
      expect(rollout.input).toBe(WEATHER_QUESTION);
      expect(rollout.metadata).toMatchObject({ source: 'otel', service_name: 'ai-sdk-stack' });
      const root = spans.find((span) => span.parent_id === null);
      expect(root?.name).toBe(kind === 'generate' ? 'ai.generateText' : 'ai.streamText');
      // Stored under the model call that issued them, whichever transport carried them.
      const tools = spans.filter((span) => span.attributes['tool.name'] === 'weather');
      expect(tools).toHaveLength(2);
      for (const tool of tools) {
        const parent = spans.find((span) => span.span_id === tool.parent_id);
        expect(parent?.name).toBe('openai.chat.completion');
      }
    }
    expect(agl.exporter.getStats().spans.dropped).toMatchObject({ outside_run: 0 });
  });

  it.each(['generate', 'stream'] as const)(
    "gives AGL's adapters one triplet and one whole record per model call (%s)",
    async (kind) => {
      expect(served[kind]).toBe(3);
      const output = (await adapted)[kind];
      expect(output.agentlightning).toBe(version);
      const calls = model.calls.filter((call) => call.stream === (kind === 'stream'));
      expect(output.triplets).toHaveLength(3);
      expect(output.triplets.map((t) => t.metadata.response_id)).toEqual(calls.map((c) => c.id));
      expectOneWholeRecordPerCall(output, calls);
    },
    PYTHON_TIMEOUT_MS,
  );

  it('records the layout the converter reads: model calls and tool calls as siblings', async () => {
    const spans = await recordSpans('ai-sdk-stack', async (recorder) => {
      const telemetry = { ...TELEMETRY, tracer: recorder.getTracer('ai') };
      await bot.generate(telemetry);
      await bot.stream(telemetry);
    });
    const names = spans.map((span) => span.name);
    expect(names.filter((name) => name === 'ai.generateText.doGenerate')).toHaveLength(3);
    expect(names.filter((name) => name === 'ai.streamText.doStream')).toHaveLength(3);
    expect(names.filter((name) => name === 'ai.toolCall')).toHaveLength(4);
    const root = spans.find((span) => span.name === 'ai.generateText');
    for (const span of spans.filter((s) => s.attributes['ai.operationId'] === 'ai.toolCall')) {
      if (span.spanContext().traceId !== root?.spanContext().traceId) continue;
      expect(span.parentSpanContext?.spanId).toBe(root?.spanContext().spanId);
    }
    if (WRITE_STACK_FIXTURES && version === SUPPORTED_AGL_VERSIONS[0]) {
      await writeSpanFixture(
        spans,
        stack.fixture,
        `OpenTelemetry spans (ReadableSpan fields) of ${stack.label} built-in telemetry: one generateText and one streamText run, each weather tool call, weather tool call, answer, against a scripted OpenAI-compatible server.`,
        packageVersions(stack.packages),
      );
    }
  });
});
