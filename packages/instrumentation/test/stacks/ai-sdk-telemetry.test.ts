// The Vercel AI SDK's built-in telemetry (AI SDK 6, `experimental_telemetry`), wired as the
// README says, against real AGL stores, judged by AGL's own adapters: one rollout per top-level
// call, one triplet and one whole TraceToMessages record per model call, streamed or not.

import { type AglStore, connect, type Rollout, type Span } from '@agl/client';
import { eventually, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible-v2';
import { context, propagation, trace } from '@opentelemetry/api';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai-v6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AglHandles, registerAgl, resetAglRegistration } from '../../src/register-agl.ts';
import { type AdapterOutput, runAglAdapters } from './support/agl-adapters.ts';
import {
  FINAL_ANSWER,
  type ScriptedOpenAiServer,
  startScriptedOpenAiServer,
} from './support/scripted-openai-server.ts';

const SYSTEM = 'You answer weather questions. Use the weather tool for each city.';
const QUESTION = 'What is the weather in Paris and Berlin?';
const FORECASTS: Record<string, unknown> = {
  Paris: { city: 'Paris', forecast: 'sunny' },
  Berlin: { city: 'Berlin', forecast: 'rainy' },
};
const PYTHON_TIMEOUT_MS = 180_000;

describe.each(SUPPORTED_AGL_VERSIONS)('AI SDK 6 telemetry into AGL %s', (version) => {
  const server = useAglStore(version);
  let model: ScriptedOpenAiServer;
  let store: AglStore;
  let agl: AglHandles;
  const served: Record<'generate' | 'stream', number> = { generate: 0, stream: 0 };
  let rollouts: Record<'generate' | 'stream', { rollout: Rollout; spans: Span[] }>;
  let adapted: Promise<Record<'generate' | 'stream', AdapterOutput>>;

  beforeAll(async () => {
    model = await startScriptedOpenAiServer();
    store = await connect(server.url);
    resetAglRegistration();
    const handles = registerAgl({
      enabled: true,
      serviceName: 'ai-sdk-stack',
      // The AI SDK records tool executions as siblings of the model call; the converter places
      // them under it (where TraceToMessages reads a completion's tool calls), a parent change
      // the REST transport carries and the OTLP one does not yet.
      exporter: { endpoint: server.url, transport: 'rest' },
      flushOnExit: false,
      checkOnStart: false,
      env: {},
    });
    if (!handles) throw new Error('registerAgl returned null');
    agl = handles;

    const provider = createOpenAICompatible({
      name: 'scripted',
      baseURL: model.url,
      apiKey: 'none',
    });
    const weather = tool({
      description: 'The forecast for a city',
      inputSchema: jsonSchema<{ city: string }>({
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
        additionalProperties: false,
      }),
      execute: async ({ city }) => FORECASTS[city] ?? { error: `unknown city ${city}` },
    });
    const options = {
      model: provider.chatModel('scripted-model'),
      system: SYSTEM,
      prompt: QUESTION,
      tools: { weather },
      stopWhen: stepCountIs(5),
      experimental_telemetry: { isEnabled: true, functionId: 'weather-bot' },
    };

    let before = model.calls.length;
    const generated = await generateText(options);
    expect(generated.text).toBe(FINAL_ANSWER);
    served.generate = model.calls.length - before;

    before = model.calls.length;
    const streamed = streamText(options);
    expect(await streamed.text).toBe(FINAL_ANSWER);
    served.stream = model.calls.length - before;

    await agl.flush();
    const found = await eventually(async () => {
      const items = (await store.queryRollouts()).items;
      expect(items.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
      return items;
    });
    const [first, second] = found.sort((a, b) => (a.start_time ?? 0) - (b.start_time ?? 0));
    if (!first || !second) throw new Error('two rollouts expected');
    rollouts = {
      generate: { rollout: first, spans: await store.querySpans(first.rollout_id) },
      stream: { rollout: second, spans: await store.querySpans(second.rollout_id) },
    };
    adapted = runAglAdapters(version, [rollouts.generate.spans, rollouts.stream.spans]).then(
      ([generate, stream]) => {
        if (!generate || !stream) throw new Error('check_adapters.py returned too few results');
        return { generate, stream };
      },
    );
    adapted.catch(() => undefined);
  }, PYTHON_TIMEOUT_MS);

  afterAll(async () => {
    await agl?.shutdown();
    resetAglRegistration();
    trace.disable();
    context.disable();
    propagation.disable();
    await store?.close();
    await model?.close();
  });

  it('stores one succeeded rollout per top-level call, with the question as input', () => {
    for (const kind of ['generate', 'stream'] as const) {
      const { rollout, spans } = rollouts[kind];
      expect(rollout.input).toBe(QUESTION);
      expect(rollout.metadata).toMatchObject({ source: 'otel', service_name: 'ai-sdk-stack' });
      const root = spans.find((span) => span.parent_id === null);
      expect(root?.name).toBe(kind === 'generate' ? 'ai.generateText' : 'ai.streamText');
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
      expect(output.messages).toHaveLength(3);
      output.messages.forEach((record, index) => {
        const sent = calls[index]?.body;
        if (!sent) throw new Error(`no request ${index}`);
        // The prompt is what the provider sent, message for message.
        const prompt = record.messages.slice(0, sent.messages.length);
        expect(prompt).toEqual(sent.messages.map(asAdapterMessage));
        expect(record.tools).toEqual(sent.tools);
        const completion = record.messages.slice(sent.messages.length);
        const next = calls[index + 1]?.body.messages.at(-2);
        expect(completion).toEqual(
          next ? [asAdapterMessage(next)] : [{ role: 'assistant', content: FINAL_ANSWER }],
        );
      });
    },
    PYTHON_TIMEOUT_MS,
  );
});

/** A request message as TraceToMessages spells it (no `content` on a tool-calling turn: null). */
function asAdapterMessage(message: Record<string, unknown>): Record<string, unknown> {
  if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
    return {
      role: 'assistant',
      content: typeof message.content === 'string' ? message.content : null,
      tool_calls: message.tool_calls,
    };
  }
  return message;
}
