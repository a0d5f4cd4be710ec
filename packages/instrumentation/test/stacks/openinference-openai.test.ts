// The `openai` SDK traced by OpenInference (`@arizeai/openinference-instrumentation-openai`),
// a hand-written tool loop marked as a run with `aglRun`, against real AGL stores, judged by
// AGL's own adapters: one rollout per run, one triplet and one whole record per model call.

import type { AdapterOutput } from '@agl/testkit';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { OpenAIInstrumentation } from '@arizeai/openinference-instrumentation-openai';
import OpenAI, * as openaiModule from 'openai-v6';
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
type Kind = 'plain' | 'stream';

// ESM imports are not patched on load: OpenInference's documented manual hook, once per process.
const tracerProvider = new SwitchableTracerProvider();
const instrumentation = new OpenAIInstrumentation({ tracerProvider });
instrumentation.manuallyInstrument(
  openaiModule as unknown as Parameters<typeof instrumentation.manuallyInstrument>[0],
);

describe.each(SUPPORTED_AGL_VERSIONS)('openai + OpenInference into AGL %s', (version) => {
  const server = useAglStore(version);
  let model: ScriptedOpenAiServer;
  let agl: AglHandles;
  let stack: Stack;
  let client: OpenAI;
  let rollouts: Record<Kind, StoredRollout>;
  let adapted: Promise<Record<Kind, AdapterOutput>>;

  beforeAll(async () => {
    stack = await startStack(server.url, 'openinference-stack');
    ({ model, agl } = stack);
    tracerProvider.current = agl.provider;
    client = new OpenAI({ baseURL: model.url, apiKey: 'none' });
    const tracer = agl.provider.getTracer('weather-app');

    expect(await runWeatherLoops(client, tracer)).toEqual([FINAL_ANSWER, FINAL_ANSWER]);
    expect(model.calls).toHaveLength(6);

    ({ rollouts, adapted } = await collectRuns(stack, version, ['plain', 'stream']));
  }, PYTHON_TIMEOUT_MS);

  afterAll(() => stopStack(stack));

  it('stores one succeeded rollout per aglRun, named after it, with the first user message as input', () => {
    for (const kind of ['plain', 'stream'] as const) {
      const { rollout, spans } = rollouts[kind];
      expect(rollout.input).toBe(WEATHER_QUESTION);
      expect(rollout.metadata).toMatchObject({ agent_name: 'weather-loop' });
      expect(spans.find((span) => span.parent_id === null)?.name).toBe('invoke_agent weather-loop');
      expect(spans).toHaveLength(1 + 3 + 2);
    }
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
      if (kind === 'plain') {
        expect(output.triplets.map((t) => t.metadata.response_id)).toEqual(calls.map((c) => c.id));
      }
      expectOneWholeRecordPerCall(output, calls);
    },
    PYTHON_TIMEOUT_MS,
  );

  it('records the layout the converter reads', async () => {
    const spans = await recordSpans(
      'openinference-stack',
      async (recorder) => {
        const tracer = recorder.getTracer('weather-app');
        await runWeatherLoops(client, tracer, tracer);
      },
      tracerProvider,
    );
    const llm = spans.filter((span) => span.attributes['openinference.span.kind'] === 'LLM');
    expect(llm).toHaveLength(6);
    expect(llm[0]?.attributes['llm.input_messages.1.message.content']).toBe(WEATHER_QUESTION);
    if (WRITE_STACK_FIXTURES && version === SUPPORTED_AGL_VERSIONS[0]) {
      await writeSpanFixture(
        spans,
        'openinference-openai-run.json',
        'OpenTelemetry spans (ReadableSpan fields) of the openai SDK traced by OpenInference: two aglRun tool loops (plain, streamed), each weather tool call, weather tool call, answer, with execute_tool spans, against a scripted OpenAI-compatible server.',
        packageVersions(['openai-v6', '@arizeai/openinference-instrumentation-openai']),
      );
    }
  });
});
