// LangChain.js traced by OpenInference (`@arizeai/openinference-instrumentation-langchain`): a
// tool-calling agent runnable, whose root CHAIN run is the rollout (no aglRun), against real AGL
// stores, judged by AGL's own adapters: one triplet and one whole record per model call.

import type { AdapterMessage, AdapterOutput } from '@agl/testkit';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { LangChainInstrumentation } from '@arizeai/openinference-instrumentation-langchain';
import * as CallbackManagerModule from '@langchain/core/callbacks/manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AglHandles } from '../../src/register-agl.ts';
import { weatherAgent } from './support/langchain-agent.ts';
import { recordSpans } from './support/record-spans.ts';
import { FINAL_ANSWER, type ScriptedOpenAiServer } from './support/scripted-openai-server.ts';
import { packageVersions, WRITE_STACK_FIXTURES, writeSpanFixture } from './support/span-fixture.ts';
import { collectRuns, type Stack, startStack, stopStack } from './support/stack-suite.ts';
import type { StoredRollout } from './support/stored-rollouts.ts';
import { SwitchableTracerProvider } from './support/switchable-tracer-provider.ts';
import { WEATHER_QUESTION, WEATHER_SYSTEM } from './support/weather.ts';

const PYTHON_TIMEOUT_MS = 180_000;
type Kind = 'plain' | 'stream';

// ESM imports are not patched on load: OpenInference's documented manual hook, once per process.
const tracerProvider = new SwitchableTracerProvider();
const instrumentation = new LangChainInstrumentation({ tracerProvider });
instrumentation.manuallyInstrument(CallbackManagerModule);

describe.each(SUPPORTED_AGL_VERSIONS)('LangChain + OpenInference into AGL %s', (version) => {
  const server = useAglStore(version);
  let model: ScriptedOpenAiServer;
  let agl: AglHandles;
  let stack: Stack;
  let rollouts: Record<Kind, StoredRollout>;
  let adapted: Promise<Record<Kind, AdapterOutput>>;

  beforeAll(async () => {
    stack = await startStack(server.url, 'langchain-stack');
    ({ model, agl } = stack);
    tracerProvider.current = agl.provider;
    for (const streaming of [false, true]) {
      const agent = weatherAgent({ baseURL: model.url, system: WEATHER_SYSTEM, streaming });
      expect(await agent.invoke(WEATHER_QUESTION)).toBe(FINAL_ANSWER);
    }
    expect(model.calls).toHaveLength(6);

    ({ rollouts, adapted } = await collectRuns(stack, version, ['plain', 'stream']));
  }, PYTHON_TIMEOUT_MS);

  afterAll(() => stopStack(stack));

  it('stores one succeeded rollout per root run, named after it, with the question as input', () => {
    for (const kind of ['plain', 'stream'] as const) {
      const { rollout, spans } = rollouts[kind];
      expect(rollout.input).toBe(WEATHER_QUESTION);
      expect(rollout.metadata).toMatchObject({ agent_name: 'weather-agent' });
      expect(spans.find((span) => span.parent_id === null)?.name).toBe('weather-agent');
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
      expect(output.triplets.map((t) => t.metadata.response_id)).toEqual(calls.map((c) => c.id));
      expect(output.messages).toHaveLength(3);
      output.messages.forEach((record, index) => {
        const sent = calls[index]?.body;
        if (!sent) throw new Error(`no request ${index}`);
        const prompt = record.messages.slice(0, sent.messages.length);
        expect(prompt).toEqual(sent.messages.map(asAdapterMessage));
        expect(record.tools).toEqual(sent.tools);
        const next = calls[index + 1]?.body.messages.at(-2);
        expect(record.messages.slice(sent.messages.length)).toEqual(
          next ? [asAdapterMessage(next)] : [{ role: 'assistant', content: FINAL_ANSWER }],
        );
      });
    },
    PYTHON_TIMEOUT_MS,
  );

  it('records the layout the converter reads', async () => {
    const spans = await recordSpans(
      'langchain-stack',
      async () => {
        for (const streaming of [false, true]) {
          await weatherAgent({ baseURL: model.url, system: WEATHER_SYSTEM, streaming }).invoke(
            WEATHER_QUESTION,
          );
        }
      },
      tracerProvider,
    );
    const llm = spans.filter((span) => span.attributes['openinference.span.kind'] === 'LLM');
    expect(llm).toHaveLength(6);
    expect(llm[0]?.attributes['llm.input_messages.1.message.content']).toBe(WEATHER_QUESTION);
    expect(
      spans.filter((span) => span.attributes['openinference.span.kind'] === 'TOOL'),
    ).toHaveLength(4);
    if (WRITE_STACK_FIXTURES && version === SUPPORTED_AGL_VERSIONS[0]) {
      await writeSpanFixture(
        spans,
        'openinference-langchain-run.json',
        'OpenTelemetry spans (ReadableSpan fields) of LangChain.js traced by OpenInference: two runs of a tool-calling agent runnable (plain, streamed), each weather tool call, weather tool call, answer, against a scripted OpenAI-compatible server.',
        packageVersions([
          '@langchain/core',
          '@langchain/openai',
          '@arizeai/openinference-instrumentation-langchain',
        ]),
      );
    }
  });
});

/** A request message as TraceToMessages spells it (no `content` on a tool-calling turn: null). */
function asAdapterMessage(message: Record<string, unknown>): AdapterMessage {
  if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
    return {
      role: 'assistant',
      // TraceToMessages gives a tool-calling turn no text; LangChain sends an empty one.
      content:
        typeof message.content === 'string' && message.content !== '' ? message.content : null,
      tool_calls: message.tool_calls,
    };
  }
  if (message.role === 'tool') {
    // LangChain also sends the tool's `name`; AGL's message format has no place for it.
    const { name: _name, ...rest } = message;
    return rest as unknown as AdapterMessage;
  }
  return message as unknown as AdapterMessage;
}
