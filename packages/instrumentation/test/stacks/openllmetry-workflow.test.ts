// OpenLLMetry's own run markers: a hand-written `openai` tool loop inside `withWorkflow` /
// `withAgent` of `@traceloop/node-server-sdk`, with no `aglRun`, exported through the README's
// default wiring. OpenLLMetry is initialised to send nothing itself (no tracing pipeline of its
// own, no prompt sync): its spans go to the global provider `registerAgl` set. Real AGL stores,
// judged by AGL's own adapters: one rollout per workflow, one triplet and record per model call.

import type { AdapterOutput } from '@agl/testkit';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { OpenAIInstrumentation } from '@traceloop/instrumentation-openai';
import { initialize, withAgent, withWorkflow } from '@traceloop/node-server-sdk';
import OpenAI from 'openai-v6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AglHandles } from '../../src/register-agl.ts';
import { expectOneWholeRecordPerCall } from './support/adapter-records.ts';
import { runToolLoop } from './support/openai-tool-loop.ts';
import { FINAL_ANSWER, type ScriptedOpenAiServer } from './support/scripted-openai-server.ts';
import { collectRuns, type Stack, startStack, stopStack } from './support/stack-suite.ts';
import type { StoredRollout } from './support/stored-rollouts.ts';
import { SwitchableTracerProvider } from './support/switchable-tracer-provider.ts';
import { WEATHER_QUESTION, WEATHER_SYSTEM } from './support/weather.ts';

const PYTHON_TIMEOUT_MS = 180_000;
type Kind = 'workflow' | 'agent';

const tracerProvider = new SwitchableTracerProvider();
const instrumentation = new OpenAIInstrumentation();
instrumentation.setTracerProvider(tracerProvider);
instrumentation.manuallyInstrument(OpenAI);
// Content tracing on (the workflow's arguments are recorded), nothing sent anywhere.
initialize({
  tracingEnabled: false,
  traceloopSyncEnabled: false,
  silenceInitializationMessage: true,
});

describe.each(SUPPORTED_AGL_VERSIONS)('openai + OpenLLMetry workflows into AGL %s', (version) => {
  const server = useAglStore(version);
  let model: ScriptedOpenAiServer;
  let agl: AglHandles;
  let stack: Stack;
  let rollouts: Record<Kind, StoredRollout>;
  let adapted: Promise<Record<Kind, AdapterOutput>>;

  beforeAll(async () => {
    stack = await startStack(server.url, 'openllmetry-workflow-stack');
    ({ model, agl } = stack);
    tracerProvider.current = agl.provider;
    const client = new OpenAI({ baseURL: model.url, apiKey: 'none' });
    const tracer = agl.provider.getTracer('weather-app');

    // A workflow called with one object: that object is the rollout input.
    const planned = await withWorkflow(
      { name: 'weather-workflow' },
      ({ question }: { question: string }) =>
        runToolLoop(client, tracer, { system: WEATHER_SYSTEM, question, stream: false }),
      { question: WEATHER_QUESTION },
    );
    expect(planned).toBe(FINAL_ANSWER);
    // An agent called without arguments: the first user message is the rollout input.
    const streamed = await withAgent({ name: 'weather-agent' }, () =>
      runToolLoop(client, tracer, {
        system: WEATHER_SYSTEM,
        question: WEATHER_QUESTION,
        stream: true,
      }),
    );
    expect(streamed).toBe(FINAL_ANSWER);
    expect(model.calls).toHaveLength(6);

    ({ rollouts, adapted } = await collectRuns(stack, version, ['workflow', 'agent']));
  }, PYTHON_TIMEOUT_MS);

  afterAll(() => stopStack(stack));

  it('stores one succeeded rollout per workflow or agent, named after it, rooted at its span', () => {
    const { workflow, agent } = rollouts;
    expect(workflow.rollout.input).toEqual({ question: WEATHER_QUESTION });
    expect(workflow.rollout.metadata).toMatchObject({ agent_name: 'weather-workflow' });
    expect(agent.rollout.input).toBe(WEATHER_QUESTION);
    expect(agent.rollout.metadata).toMatchObject({ agent_name: 'weather-agent' });
    for (const [kind, { spans }] of Object.entries(rollouts)) {
      const root = spans.find((span) => span.parent_id === null);
      expect(root?.name).toBe(`weather-${kind}.${kind}`);
      expect(root?.attributes['traceloop.span.kind']).toBe(kind);
      // The run span, three model calls, two tool executions.
      expect(spans).toHaveLength(1 + 3 + 2);
    }
    const stats = agl.exporter.getStats().spans;
    expect(stats.dropped).toMatchObject({ outside_run: 0 });
  });

  it.each(['workflow', 'agent'] as const)(
    "gives AGL's adapters one triplet and one whole record per model call (%s)",
    async (kind) => {
      const output = (await adapted)[kind];
      expect(output.agentlightning).toBe(version);
      const calls = model.calls.filter((call) => call.stream === (kind === 'agent'));
      expect(output.triplets).toHaveLength(3);
      expect(output.triplets.map((t) => t.metadata.agent_name)).toEqual(
        Array(3).fill(`weather-${kind}`),
      );
      if (kind === 'workflow') {
        expect(output.triplets.map((t) => t.metadata.response_id)).toEqual(calls.map((c) => c.id));
      }
      expectOneWholeRecordPerCall(output, calls);
    },
    PYTHON_TIMEOUT_MS,
  );
});
