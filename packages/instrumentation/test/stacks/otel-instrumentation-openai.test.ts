// The `openai` SDK traced by the OpenTelemetry contrib instrumentation
// (`@opentelemetry/instrumentation-openai`), which keeps message content out of its spans and
// emits it as GenAI log events (`gen_ai.user.message`, `gen_ai.choice`, …). `registerAgl()`'s
// logger provider turns them into events of their spans; the converter reads those. A
// hand-written tool loop marked as a run with `aglRun`, against real AGL stores, judged by AGL's
// own adapters: one rollout per run, one triplet and one whole record per model call.

import type { AdapterOutput } from '@agl/testkit';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { metrics } from '@opentelemetry/api';
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai';
import OpenAI from 'openai-v6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AglHandles } from '../../src/register-agl.ts';
import { expectOneWholeRecordPerCall } from './support/adapter-records.ts';
import { runWeatherLoops } from './support/openai-tool-loop.ts';
import { recordSpans } from './support/record-spans.ts';
import { FINAL_ANSWER, type ScriptedOpenAiServer } from './support/scripted-openai-server.ts';
import { packageVersions, WRITE_STACK_FIXTURES, writeSpanFixture } from './support/span-fixture.ts';
import { collectRuns, type Stack, startStack, stopStack } from './support/stack-suite.ts';
import type { StoredRollout } from './support/stored-rollouts.ts';
import { SwitchableTracerProvider } from './support/switchable-tracer-provider.ts';
import { WEATHER_QUESTION } from './support/weather.ts';

const PYTHON_TIMEOUT_MS = 180_000;
/** Per run: the prompts of the three calls (2 + 4 + 6 messages) and one choice each. */
const LOG_EVENTS_PER_RUN = 2 + 4 + 6 + 3;
type Kind = 'plain' | 'stream';

// ESM imports are not patched on load: the module definition's patch is applied to the client
// class by hand, once per process. Content capture is off unless asked for. Its metric
// instruments only exist once a meter provider is set (`registerInstrumentations` sets one).
const tracerProvider = new SwitchableTracerProvider();
const instrumentation = new OpenAIInstrumentation({ captureMessageContent: true });
instrumentation.setTracerProvider(tracerProvider);
instrumentation.setMeterProvider(metrics.getMeterProvider());
for (const definition of instrumentation.getModuleDefinitions()) definition.patch?.({ OpenAI });

describe.each(SUPPORTED_AGL_VERSIONS)('openai + instrumentation-openai into AGL %s', (version) => {
  const server = useAglStore(version);
  let model: ScriptedOpenAiServer;
  let agl: AglHandles;
  let stack: Stack;
  let client: OpenAI;
  let rollouts: Record<Kind, StoredRollout>;
  let adapted: Promise<Record<Kind, AdapterOutput>>;

  beforeAll(async () => {
    stack = await startStack(server.url, 'otel-openai-stack');
    ({ model, agl } = stack);
    tracerProvider.current = agl.provider;
    // What registerInstrumentations({ loggerProvider }) does, as the README says.
    instrumentation.setLoggerProvider(agl.loggerProvider);
    client = new OpenAI({ baseURL: model.url, apiKey: 'none' });
    const tracer = agl.provider.getTracer('weather-app');

    expect(await runWeatherLoops(client, tracer)).toEqual([FINAL_ANSWER, FINAL_ANSWER]);
    expect(model.calls).toHaveLength(6);

    ({ rollouts, adapted } = await collectRuns(stack, version, ['plain', 'stream']));
  }, PYTHON_TIMEOUT_MS);

  afterAll(() => stopStack(stack));

  it('stores one succeeded rollout per aglRun, with every log event on its span', () => {
    for (const kind of ['plain', 'stream'] as const) {
      const { rollout, spans } = rollouts[kind];
      expect(rollout.input).toBe(WEATHER_QUESTION);
      expect(rollout.metadata).toMatchObject({ agent_name: 'weather-loop' });
      expect(spans.find((span) => span.parent_id === null)?.name).toBe('invoke_agent weather-loop');
      expect(spans).toHaveLength(1 + 3 + 2);
      const events = spans.flatMap((span) => span.events.map((event) => event.name));
      expect(events.filter((name) => name.startsWith('gen_ai.'))).toHaveLength(LOG_EVENTS_PER_RUN);
    }
    expect(agl.logEvents.getStats()).toEqual({
      attached: 2 * LOG_EVENTS_PER_RUN,
      dropped: { no_span: 0, span_ended: 0 },
    });
    expect(agl.exporter.getStats().spans.dropped).toMatchObject({ outside_run: 0 });
  });

  it.each(['plain', 'stream'] as const)(
    "gives AGL's adapters one triplet and one whole record per model call (%s)",
    async (kind) => {
      const output = (await adapted)[kind];
      expect(output.agentlightning).toBe(version);
      const calls = model.calls.filter((call) => call.stream === (kind === 'stream'));
      expect(output.triplets).toHaveLength(3);
      expect(output.triplets.every((t) => t.metadata.agent_name === 'weather-loop')).toBe(true);
      expect(output.triplets.map((t) => t.metadata.response_id)).toEqual(calls.map((c) => c.id));
      // The instrumentation records no tool definitions.
      expectOneWholeRecordPerCall(output, calls, { toolsRecorded: false });
    },
    PYTHON_TIMEOUT_MS,
  );

  it('records the layout the converter reads', async () => {
    const spans = await recordSpans(
      'otel-openai-stack',
      async (recorder) => {
        const tracer = recorder.getTracer('weather-app');
        await runWeatherLoops(client, tracer, tracer);
      },
      tracerProvider,
    );
    const llm = spans.filter((span) => span.attributes['gen_ai.operation.name'] === 'chat');
    expect(llm).toHaveLength(6);
    expect(llm[0]?.name).toBe('chat scripted-model');
    expect(llm[0]?.attributes).not.toHaveProperty('gen_ai.input.messages');
    expect(llm[0]?.events.map((event) => event.name)).toEqual([
      'gen_ai.system.message',
      'gen_ai.user.message',
      'gen_ai.choice',
    ]);
    if (WRITE_STACK_FIXTURES && version === SUPPORTED_AGL_VERSIONS[0]) {
      await writeSpanFixture(
        spans,
        'otel-instrumentation-openai-run.json',
        "OpenTelemetry spans (ReadableSpan fields) of the openai SDK traced by @opentelemetry/instrumentation-openai with content capture on, its GenAI log events added to their spans by @agl/instrumentation's GenAiLogEventsProcessor: two aglRun tool loops (plain, streamed), each weather tool call, weather tool call, answer, with execute_tool spans, against a scripted OpenAI-compatible server.",
        packageVersions(['openai-v6', '@opentelemetry/instrumentation-openai']),
      );
    }
  });
});
