import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getDatasetPost, postAnalysisSchema, readModelConfig } from '@agl/post-analyzer';
import { context, propagation, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalyzeResponse, createApp } from '../src/app.ts';
import { createMastra } from '../src/mastra.ts';
import { type OpenedModel, openModel } from '../src/model-provider.ts';
import { createOtelObservability } from '../src/otel-observability.ts';
import { createPostAnalyzer } from '../src/post-analyzer.ts';
import {
  ancestorsOf,
  parentOf,
  type RecordedSpan,
  recordSpan,
  renderTree,
  traceShape,
} from './support/span-tree.ts';

// Re-record with UPDATE_SPAN_FIXTURE=1 after a Mastra or OpenTelemetry upgrade.
const FIXTURE = new URL('./fixtures/post-analyzer-spans.json', import.meta.url);
const SERVICE_NAME = 'mastra-api-test';
const TOOLS = ['extractHashtagsAndMentions', 'measureTextSignals', 'scoreEngagement'];

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': SERVICE_NAME }),
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
let opened: OpenedModel;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  provider.register();
  opened = await openModel(readModelConfig({ AGL_LLM_OFFLINE: '1' }));
  const observability = createOtelObservability({
    tracerProvider: provider,
    serviceName: SERVICE_NAME,
  });
  const mastra = createMastra({ model: opened.model, observability, logger: false });
  app = createApp({ analyzer: createPostAnalyzer(mastra), model: opened.info });
});

afterAll(async () => {
  await opened?.close();
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('spans of one Post Analyzer run on the offline model', () => {
  it('form one trace: agent, model calls, tools and the delegated sub-agent', async () => {
    const entry = getDatasetPost('post-001');
    const request = {
      ...entry.post,
      postId: entry.id,
      metadata: { experiment: 'span-fixture', environment: 'test' },
    };
    const response = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AnalyzeResponse;
    postAnalysisSchema.parse(body.analysis);
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);

    await provider.forceFlush();
    const spans = exporter.getFinishedSpans().map(recordSpan);
    const tree = renderTree(spans);
    const named = (name: string) => spans.filter((span) => span.name === name);
    const one = (name: string): RecordedSpan => {
      const found = named(name);
      expect(found, `exactly one "${name}" in\n${tree}`).toHaveLength(1);
      return found[0] as RecordedSpan;
    };

    // One trace, the one the API reported, rooted at the Post Analyzer's run.
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([body.traceId]));
    const roots = spans.filter((span) => span.parentSpanId === null);
    expect(roots.map((span) => span.name)).toEqual(['invoke_agent postAnalyzer']);
    const root = roots[0] as RecordedSpan;
    expect(root.kind).toBe('INTERNAL');
    expect(root.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'postAnalyzer',
      'mastra.span.type': 'agent_run',
      'mastra.metadata.runId': body.runId,
    });
    // Spans reach the exporter children first: the root ends last.
    expect(spans.at(-1)?.name).toBe('invoke_agent postAnalyzer');

    // Model calls: `chat <model>` CLIENT spans, each inside an agent step of a generation.
    const chats = spans.filter((span) => span.name === `chat ${opened.info.id}`);
    const analyzerChats = chats.filter(
      (span) => span.attributes['gen_ai.agent.name'] === 'postAnalyzer',
    );
    expect(analyzerChats.length, tree).toBeGreaterThanOrEqual(2); // the tool calls, then the answer
    for (const chat of chats) {
      expect(chat.kind).toBe('CLIENT');
      expect(chat.attributes['gen_ai.request.model']).toBe(opened.info.id);
      expect(chat.attributes['gen_ai.usage.input_tokens']).toEqual(expect.any(Number));
      const [step, generation] = ancestorsOf(spans, chat);
      expect(step?.attributes['mastra.span.type']).toBe('model_step');
      expect(generation?.attributes['mastra.span.type']).toBe('model_generation');
    }
    const answer = analyzerChats.find((chat) =>
      String(chat.attributes['gen_ai.output.messages']).includes('sentiment'),
    );
    expect(answer, 'a chat span carries the JSON answer').toBeDefined();

    // Tools run inside the Post Analyzer's first step, which belongs to its generation.
    for (const tool of [...TOOLS, 'agent-replyWriter']) {
      const span = one(`execute_tool ${tool}`);
      expect(span.attributes).toMatchObject({
        'gen_ai.tool.name': tool,
        'gen_ai.tool.call.id': expect.any(String),
        'gen_ai.tool.call.arguments': expect.any(String),
        'gen_ai.tool.call.result': expect.any(String),
      });
      const [step, generation, agent] = ancestorsOf(spans, span);
      expect(step?.name).toBe('agent_step postAnalyzer');
      expect(step?.attributes['mastra.model_step.step_index']).toBe(0);
      expect(generation?.name).toBe(`model_generation ${opened.info.id}`);
      expect(agent).toBe(root);
    }
    const hashtags = JSON.parse(
      String(one('execute_tool extractHashtagsAndMentions').attributes['gen_ai.tool.call.result']),
    );
    expect(hashtags).toMatchObject({ hashtags: expect.any(Array), mentions: expect.any(Array) });

    // The delegation: the sub-agent's run hangs under the tool call that started it.
    const subAgent = one('invoke_agent replyWriter');
    expect(parentOf(spans, subAgent)?.name).toBe('execute_tool agent-replyWriter');
    expect(subAgent.attributes['mastra.metadata.runId']).not.toBe(body.runId);
    expect(chats.some((chat) => ancestorsOf(spans, chat).includes(subAgent))).toBe(true);

    // tracingOptions.metadata lands on every span, the sub-agent's included.
    for (const span of spans) {
      expect(span.attributes, span.name).toMatchObject({
        'mastra.metadata.postId': 'post-001',
        'mastra.metadata.route': 'analyze',
        'mastra.metadata.experiment': 'span-fixture',
      });
    }

    const recorded = {
      description:
        'One POST /api/analyze run of the Post Analyzer (post-001) on the offline model, as exported ' +
        'through @mastra/otel-bridge to an InMemorySpanExporter, in export (end) order. Long string ' +
        'attribute values are cut.',
      recordedWith: packageVersions(),
      resource: { 'service.name': SERVICE_NAME },
      request,
      response: { runId: body.runId, traceId: body.traceId },
      tree: tree.split('\n'),
      spans,
    };
    if (process.env.UPDATE_SPAN_FIXTURE === '1' || !existsSync(FIXTURE)) {
      writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 2)}\n`);
    }
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { spans: RecordedSpan[] };
    expect(traceShape(spans), 'span shape changed: re-record with UPDATE_SPAN_FIXTURE=1').toEqual(
      traceShape(fixture.spans),
    );
  });
});

function packageVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const names = [
    '@mastra/core',
    '@mastra/observability',
    '@mastra/otel-bridge',
    '@mastra/otel-exporter',
    '@opentelemetry/sdk-trace-base',
  ];
  return Object.fromEntries(
    names.map((name) => {
      try {
        return [name, (require(`${name}/package.json`) as { version: string }).version];
      } catch {
        return [name, 'unknown'];
      }
    }),
  );
}
