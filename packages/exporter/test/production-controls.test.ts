import { type AglStore, connect } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AGLExporterOptions, traceIdBelowRate, withAglContext } from '../src/index.ts';
import { createTestMastra } from './support/agents.ts';
import { createOtelSetup, type OtelSetup } from './support/otel-setups.ts';
import { eventually, rolloutsOfTrace } from './support/store-queries.ts';
import { openRun, syntheticRun } from './support/synthetic-runs.ts';

let model: OfflineModel;
beforeAll(async () => {
  model = await startOfflineModel({ port: 0 });
});
afterAll(async () => {
  await model.close();
});

describe.each(SUPPORTED_AGL_VERSIONS)('production controls on AGL %s', (version) => {
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

  function start(options: AGLExporterOptions) {
    setup = createOtelSetup('processor', store, options);
    setup.provider?.register();
    const tracer = setup.provider?.getTracer('controls-test');
    if (!tracer) throw new Error('the processor setup has a provider');
    return { setup, tracer, mastra: createTestMastra(model.url, setup.observability) };
  }

  async function storedRollout(traceId: string) {
    const [rollout] = await eventually(async () => {
      const found = await rolloutsOfTrace(store, traceId);
      expect(found.map((r) => r.status)).toEqual(['succeeded']);
      return found;
    });
    if (!rollout) throw new Error(`no rollout for ${traceId}`);
    return { rollout, spans: await store.querySpans(rollout.rollout_id) };
  }

  it('filter: leaves Mastra model chunks out and records how many on the rollout', async () => {
    const { setup, mastra } = start({ dropSpans: ['model_chunks'] });
    const result = await mastra.getAgent('counter').generate('count these five words please');
    await setup.flush();
    const { rollout, spans } = await storedRollout(result.traceId as string);
    const filtered = setup.exporter.getStats().spans.filtered;
    expect(filtered).toBeGreaterThan(0);
    expect(rollout.metadata?.spans_filtered).toBe(filtered);
    expect(spans.filter((span) => span.name.startsWith('model_chunk'))).toEqual([]);
    // What AGL's adapters read is all there: agent, model call, tool, each with its parent.
    for (const prefix of ['invoke_agent counter', 'chat ', 'execute_tool countWords']) {
      expect(
        spans.some((span) => span.name.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    const ids = new Set(spans.map((span) => span.span_id));
    for (const span of spans) if (span.parent_id) expect(ids.has(span.parent_id)).toBe(true);
    expect(setup.exporter.getStats().spans.dropped.outside_run).toBe(0);
  });

  it('sampling: stores exactly the runs under the rate, each one whole', async () => {
    const { setup, tracer } = start({ sampleRate: 0.5 });
    const traceIds = Array.from({ length: 16 }, (_, i) => syntheticRun(tracer, `sampled-${i}`));
    await setup.flush();
    const kept = traceIds.filter((traceId) => traceIdBelowRate(traceId, 0.5));
    for (const traceId of kept) {
      const { spans } = await storedRollout(traceId);
      expect(spans).toHaveLength(4);
    }
    const stored = new Set(
      (await store.queryRollouts()).items.map((rollout) => rollout.metadata?.trace_id),
    );
    for (const traceId of traceIds) expect(stored.has(traceId)).toBe(kept.includes(traceId));
    const dropped = traceIds.find((traceId) => !kept.includes(traceId)) as string;
    // No rollout will come for a sampled-out run: answered at once, not after the deadline.
    expect(await setup.exporter.rolloutIdForTrace(dropped, 60_000)).toBeNull();
    expect(await setup.exporter.flushRun(dropped, 60_000)).toEqual({ rolloutIds: [], done: true });
    const stats = setup.exporter.getStats();
    expect(stats.rollouts.sampledOut).toBe(16 - kept.length);
    expect(stats.spans.sampledOut).toBe(4 * (16 - kept.length));
  });

  it('sampling: a function of the agent span decides per run', async () => {
    const { setup, tracer } = start({
      sampleRun: (root) => root.attributes['gen_ai.agent.name'] !== 'skip-me',
    });
    const skipped = syntheticRun(tracer, 'skip-me');
    const kept = syntheticRun(tracer, 'keep-me');
    await setup.flush();
    await storedRollout(kept);
    expect(await rolloutsOfTrace(store, skipped)).toEqual([]);
  });

  it('run context: user, session, tags, environment and release on the rollout', async () => {
    const { setup, mastra } = start({
      runContext: { environment: 'staging', release: '2.1.0', tags: ['app'] },
    });
    const result = await withAglContext({ userId: 'user-7', tags: ['beta'] }, () =>
      mastra.getAgent('counter').generate('count these words', {
        tracingOptions: { metadata: { sessionId: 'session-3', postId: 'p-1' } },
      }),
    );
    await setup.flush();
    const { rollout } = await storedRollout(result.traceId as string);
    expect(rollout.metadata).toMatchObject({
      user_id: 'user-7',
      session_id: 'session-3',
      environment: 'staging',
      release: '2.1.0',
      postId: 'p-1',
      trace_id: result.traceId,
    });
    expect(rollout.metadata?.tags).toEqual(['app', 'beta']);
  });

  it('masking: rollout input and metadata go through the mask, and a failing mask fails closed', async () => {
    const email = /[\w.]+@[\w.]+\.\w+/g;
    const { setup, tracer } = start({
      runContext: { userId: 'ann@example.com', metadata: { contact: 'bob@example.com' } },
      converter: {
        mask: ({ key, value }) => {
          if (key === 'explode') throw new Error('mask bug');
          return typeof value === 'string' ? value.replace(email, '<email>') : value;
        },
      },
    });
    const traceId = tracer.startActiveSpan(
      'invoke_agent masked',
      {
        attributes: {
          'gen_ai.operation.name': 'invoke_agent',
          'mastra.agent_run.input': JSON.stringify({ text: 'reach me at carl@example.com' }),
          'mastra.metadata.explode': 'secret value',
        },
      },
      (root) => {
        root.end();
        return root.spanContext().traceId;
      },
    );
    await setup.flush();
    const { rollout } = await storedRollout(traceId);
    expect(rollout.input).toEqual({ text: 'reach me at <email>' });
    expect(rollout.metadata).toMatchObject({
      user_id: '<email>',
      contact: '<email>',
      explode: '[REDACTED]',
      trace_id: traceId,
    });
    expect(JSON.stringify(rollout)).not.toContain('@example.com');
    expect(JSON.stringify(rollout)).not.toContain('secret value');
    expect(setup.exporter.getStats().rollouts.maskFailures).toBeGreaterThan(0);
  });

  it('flushRun: returns once this run is stored, without waiting for a run still open', async () => {
    const { setup, tracer } = start({});
    const open = openRun(tracer, 'still-running');
    open.child();
    const finished = syntheticRun(tracer, 'finished');
    const result = await setup.exporter.flushRun(finished);
    expect(result.done).toBe(true);
    expect(result.rolloutIds).toHaveLength(1);
    // Stored by the time flushRun resolved: no waiting here.
    const [rollout] = await rolloutsOfTrace(store, finished);
    expect(rollout?.status).toBe('succeeded');
    expect(rollout?.rollout_id).toBe(result.rolloutIds[0]);
    expect(await store.querySpans(result.rolloutIds[0] as string)).toHaveLength(4);
    const [running] = await rolloutsOfTrace(store, open.end());
    expect(running?.status).not.toBe('succeeded');
  });

  it('flushRun: says not done for a trace it never saw', async () => {
    const { setup } = start({});
    expect(await setup.exporter.flushRun('f'.repeat(32), 200)).toEqual({
      rolloutIds: [],
      done: false,
    });
  });
});
