// AI SDK 7 with `@ai-sdk/otel`'s `OpenTelemetry` integration (the GenAI semantic conventions:
// `invoke_agent` → `step` → `chat` and `execute_tool` siblings), registered as the README says,
// against real AGL stores, judged by AGL's own adapters: one rollout per top-level call, one
// triplet and one whole TraceToMessages record per model call, streamed or not.

import type { AdapterOutput } from '@agl/testkit';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { OpenTelemetry } from '@ai-sdk/otel';
import { generateText, registerTelemetry, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AglHandles } from '../../src/register-agl.ts';
import { expectTripletAndWholeRecordPerCall } from './support/adapter-records.ts';
import { weatherCallOptions } from './support/ai-sdk-7-weather.ts';
import { recordSpans } from './support/record-spans.ts';
import { FINAL_ANSWER, type ScriptedOpenAiServer } from './support/scripted-openai-server.ts';
import { packageVersions, WRITE_STACK_FIXTURES, writeSpanFixture } from './support/span-fixture.ts';
import { collectRuns, type Stack, startStack, stopStack } from './support/stack-suite.ts';
import type { StoredRollout } from './support/stored-rollouts.ts';
import { SwitchableTracerProvider } from './support/switchable-tracer-provider.ts';
import { WEATHER_QUESTION } from './support/weather.ts';

const PYTHON_TIMEOUT_MS = 180_000;
const TELEMETRY = { functionId: 'weather-bot' };
type Kind = 'generate' | 'stream';

// The integration is registered once per process; each suite's spans go to its own provider.
const tracerProvider = new SwitchableTracerProvider();
registerTelemetry(new OpenTelemetry({ tracer: tracerProvider.getTracer('gen_ai') }));

describe.each(SUPPORTED_AGL_VERSIONS)('AI SDK 7 + @ai-sdk/otel into AGL %s', (version) => {
  const server = useAglStore(version);
  let model: ScriptedOpenAiServer;
  let agl: AglHandles;
  let stack: Stack;
  const served: Record<Kind, number> = { generate: 0, stream: 0 };
  let rollouts: Record<Kind, StoredRollout>;
  let adapted: Promise<Record<Kind, AdapterOutput>>;

  beforeAll(async () => {
    stack = await startStack(server.url, 'ai-sdk-7-otel-stack');
    ({ model, agl } = stack);
    tracerProvider.current = agl.provider;
    const options = { ...weatherCallOptions(model.url), telemetry: TELEMETRY };

    let before = model.calls.length;
    expect((await generateText(options)).text).toBe(FINAL_ANSWER);
    served.generate = model.calls.length - before;
    before = model.calls.length;
    expect(await streamText(options).text).toBe(FINAL_ANSWER);
    served.stream = model.calls.length - before;

    ({ rollouts, adapted } = await collectRuns(stack, version, ['generate', 'stream']));
  }, PYTHON_TIMEOUT_MS);

  afterAll(async () => {
    tracerProvider.current = undefined;
    await stopStack(stack);
  });

  it('stores one succeeded rollout per top-level call, named after its functionId', () => {
    for (const kind of ['generate', 'stream'] as const) {
      const { rollout, spans } = rollouts[kind];
      expect(rollout.input).toBe(WEATHER_QUESTION);
      expect(rollout.metadata).toMatchObject({
        source: 'otel',
        service_name: 'ai-sdk-7-otel-stack',
        agent_name: 'weather-bot',
      });
      expect(spans.find((span) => span.parent_id === null)?.name).toBe(
        'invoke_agent scripted-model',
      );
      // invoke_agent, three steps, each with its model call, and two tool executions.
      expect(spans).toHaveLength(1 + 3 + 3 + 2);
      // Stored under the model call that issued them, whichever transport carried them.
      const tools = spans.filter((span) => span.name === 'execute_tool weather');
      expect(tools).toHaveLength(2);
      for (const tool of tools) {
        const parent = spans.find((span) => span.span_id === tool.parent_id);
        expect(parent?.name).toBe('openai.chat.completion');
        expect(parent?.attributes['gen_ai.response.finish_reasons']).toEqual(['tool-calls']);
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
      expect(output.triplets.every((t) => t.metadata.agent_name === 'weather-bot')).toBe(true);
      const calls = model.calls.filter((call) => call.stream === (kind === 'stream'));
      expectTripletAndWholeRecordPerCall(output, calls);
    },
    PYTHON_TIMEOUT_MS,
  );

  it('records the layout the converter reads: model calls and tool calls as siblings', async () => {
    const spans = await recordSpans('ai-sdk-7-otel-stack', async (recorder) => {
      // Per-call integrations take the place of the registered one.
      const telemetry = {
        ...TELEMETRY,
        integrations: [new OpenTelemetry({ tracer: recorder.getTracer('gen_ai') })],
      };
      await generateText({ ...weatherCallOptions(model.url), telemetry });
      await streamText({ ...weatherCallOptions(model.url), telemetry }).text;
    });
    const operation = (name: string) =>
      spans.filter((span) => span.attributes['gen_ai.operation.name'] === name);
    expect(operation('invoke_agent')).toHaveLength(2);
    expect(operation('chat')).toHaveLength(6);
    const tools = operation('execute_tool');
    expect(tools).toHaveLength(4);
    for (const tool of tools) {
      const step = spans.find((s) => s.spanContext().spanId === tool.parentSpanContext?.spanId);
      expect(step?.attributes['gen_ai.operation.name']).toBe('agent_step');
    }
    if (WRITE_STACK_FIXTURES && version === SUPPORTED_AGL_VERSIONS[0]) {
      await writeSpanFixture(
        spans,
        'ai-sdk-7-otel-run.json',
        'OpenTelemetry spans (ReadableSpan fields) of AI SDK 7 with the @ai-sdk/otel OpenTelemetry integration: one generateText and one streamText run, each weather tool call, weather tool call, answer, against a scripted OpenAI-compatible server.',
        packageVersions(['ai', '@ai-sdk/otel', '@ai-sdk/openai']),
      );
    }
  });
});
