import { type AglStore, connect } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestMastra } from './support/agents.ts';
import { createOtelSetup, type OtelSetup } from './support/otel-setups.ts';
import { eventually, rolloutsOfTrace, spanByName } from './support/store-queries.ts';

let model: OfflineModel;
beforeAll(async () => {
  model = await startOfflineModel({ port: 0 });
});
afterAll(async () => {
  await model.close();
});

describe.each(SUPPORTED_AGL_VERSIONS)('AGLSpanExporter with Mastra on AGL %s', (version) => {
  const server = useAglStore(version);
  let store: AglStore;
  let setup: OtelSetup | undefined;

  beforeAll(async () => {
    store = await connect(server.url);
  });
  afterAll(async () => {
    await store.close();
  });
  afterEach(async () => {
    await setup?.shutdown();
    setup = undefined;
    trace.disable();
    context.disable();
    propagation.disable();
  });

  function start(kind: OtelSetup['kind']) {
    setup = createOtelSetup(kind, store);
    setup.provider?.register();
    return { setup, mastra: createTestMastra(model.url, setup.observability) };
  }

  it('stores one succeeded rollout per agent run with every span, parents and sequence order', async () => {
    const { setup, mastra } = start('processor');
    const result = await mastra.getAgent('counter').generate('count these five words please', {
      tracingOptions: { metadata: { postId: 'p-42' } },
    });
    await setup.flush();
    const traceId = result.traceId as string;
    const [rollout] = await eventually(async () => {
      const found = await rolloutsOfTrace(store, traceId);
      expect(found.map((r) => r.status)).toEqual(['succeeded']);
      return found;
    });
    if (!rollout) throw new Error('no rollout');
    expect(rollout.metadata).toMatchObject({
      source: 'otel',
      agent_name: 'counter',
      service_name: 'exporter-test',
      trace_id: traceId,
      postId: 'p-42',
    });
    expect(rollout.input).toBeTruthy();
    const attempts = await store.queryAttempts(rollout.rollout_id);
    expect(attempts.map((a) => a.status)).toEqual(['succeeded']);

    const spans = await store.querySpans(rollout.rollout_id);
    const agent = spanByName(spans, 'invoke_agent counter');
    const tool = spanByName(spans, 'execute_tool countWords');
    expect(agent.parent_id).toBeNull();
    expect(agent.span_id).toBe(rollout.metadata?.agent_span_id);
    const ids = new Set(spans.map((s) => s.span_id));
    for (const span of spans) {
      expect(span.trace_id).toBe(traceId);
      if (span !== agent) expect(ids.has(span.parent_id as string)).toBe(true);
    }
    const llm = spans.filter((s) => s.attributes['gen_ai.operation.name'] === 'chat');
    expect(llm.length).toBeGreaterThan(0);
    expect(tool.attributes['gen_ai.tool.name']).toBe('countWords');
    const sequence = spans.map((s) => s.sequence_id).sort((a, b) => a - b);
    expect(new Set(sequence).size).toBe(spans.length);
    // Children reach the exporter before their agent span: the agent span is last in sequence.
    expect(agent.sequence_id).toBe(Math.max(...sequence));
  });

  it('fails the rollout with the error when the agent throws', async () => {
    const { setup, mastra } = start('processor');
    const error = await mastra
      .getAgent('broken')
      .generate('this cannot work')
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(error).toBeInstanceOf(Error);
    await setup.flush();
    const rollout = await eventually(async () => {
      const all = (await store.queryRollouts()).items.filter(
        (r) => r.metadata?.agent_name === 'broken',
      );
      expect(all.map((r) => r.status)).toEqual(['failed']);
      return all[0];
    });
    const [attempt] = await store.queryAttempts(rollout?.rollout_id as string);
    expect(attempt?.status).toBe('failed');
    expect(String(attempt?.metadata?.error)).not.toBe('');
  });

  it('keeps a rollout succeeded when only a tool throws, with an ERROR tool span', async () => {
    const { setup, mastra } = start('processor');
    const result = await mastra.getAgent('fragile').generate('use the tool on this text');
    await setup.flush();
    const [rollout] = await eventually(async () => {
      const found = await rolloutsOfTrace(store, result.traceId as string);
      expect(found.map((r) => r.status)).toEqual(['succeeded']);
      return found;
    });
    const spans = await store.querySpans(rollout?.rollout_id as string);
    const tool = spanByName(spans, 'execute_tool explode');
    expect(tool.status.status_code).toBe('ERROR');
    expect(spanByName(spans, 'invoke_agent fragile').status.status_code).not.toBe('ERROR');
  });

  it('keeps a nested agent inside its parent agent rollout', async () => {
    const { setup, mastra } = start('processor');
    const result = await mastra.getAgent('delegator').generate('ask the helper about rollouts');
    await setup.flush();
    const rollouts = await eventually(async () => {
      const found = await rolloutsOfTrace(store, result.traceId as string);
      expect(found.map((r) => r.status)).toEqual(['succeeded']);
      return found;
    });
    const spans = await store.querySpans(rollouts[0]?.rollout_id as string);
    const outer = spanByName(spans, 'invoke_agent delegator');
    const inner = spanByName(spans, 'invoke_agent helper');
    expect(outer.parent_id).toBeNull();
    expect(inner.parent_id).not.toBeNull();
  });

  it('makes two agent runs in one trace two rollouts', async () => {
    const { setup, mastra } = start('processor');
    const tracer = trace.getTracer('test');
    const traceId = await tracer.startActiveSpan('POST /api/batch', async (request) => {
      await mastra.getAgent('counter').generate('first run here');
      await mastra.getAgent('helper').generate('second run here');
      request.end();
      return request.spanContext().traceId;
    });
    await setup.flush();
    const rollouts = await eventually(async () => {
      const found = await rolloutsOfTrace(store, traceId);
      expect(found.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
      return found;
    });
    expect(rollouts.map((r) => r.metadata?.agent_name).sort()).toEqual(['counter', 'helper']);
    // The request span is outside both runs and is not exported.
    for (const rollout of rollouts) {
      const spans = await store.querySpans(rollout.rollout_id);
      expect(spans.some((s) => s.name === 'POST /api/batch')).toBe(false);
    }
  });

  it('keeps 50 concurrent runs apart', async () => {
    const { setup, mastra } = start('processor');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        mastra.getAgent('counter').generate(`run number ${i} with words`),
      ),
    );
    await setup.flush();
    const traceIds = new Set(results.map((r) => r.traceId as string));
    expect(traceIds.size).toBe(50);
    const rollouts = await eventually(async () => {
      const found = (await store.queryRollouts()).items.filter((r) =>
        traceIds.has(r.metadata?.trace_id as string),
      );
      expect(found.length).toBe(50);
      expect(found.every((r) => r.status === 'succeeded')).toBe(true);
      return found;
    });
    for (const rollout of rollouts.slice(0, 10)) {
      const spans = await store.querySpans(rollout.rollout_id);
      expect(spans.every((s) => s.trace_id === rollout.metadata?.trace_id)).toBe(true);
      expect(spans.filter((s) => s.name.startsWith('invoke_agent')).length).toBe(1);
    }
    expect(setup.exporter.getStats().spans.dropped.queue_full).toBe(0);
  });

  it('does not export traces outside agent runs by default', async () => {
    const { setup } = start('processor');
    const before = (await store.queryRollouts()).total;
    const tracer = trace.getTracer('test');
    tracer.startActiveSpan('GET /health', (span) => {
      tracer.startSpan('db.query').end();
      span.end();
    });
    await setup.flush();
    expect((await store.queryRollouts()).total).toBe(before);
    expect(setup.exporter.getStats().spans.dropped.outside_run).toBe(2);
  });

  it.each(['batch', 'simple', 'mastra-exporter'] as const)(
    'works as a bare exporter behind %s',
    async (kind) => {
      const { setup, mastra } = start(kind);
      const result = await mastra.getAgent('delegator').generate(`bare exporter ${kind}`);
      await setup.flush();
      const [rollout] = await eventually(async () => {
        const found = await rolloutsOfTrace(store, result.traceId as string);
        expect(found.map((r) => r.status)).toEqual(['succeeded']);
        return found;
      });
      const spans = await store.querySpans(rollout?.rollout_id as string);
      spanByName(spans, 'invoke_agent delegator');
      spanByName(spans, 'invoke_agent helper');
      expect(rollout?.metadata?.agent_name).toBe('delegator');
    },
  );
});
