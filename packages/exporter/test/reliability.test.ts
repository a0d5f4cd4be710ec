import { type AglStore, connect } from '@agl/client';
import { AglStoreProcess, FaultProxy, freePort, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { context, propagation, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterEach, describe, expect, it } from 'vitest';
import { type AGLExporterOptions, AGLSpanExporter, AGLSpanProcessor } from '../src/index.ts';
import { eventually, rolloutsOfTrace } from './support/store-queries.ts';
import { openRun, syntheticRun } from './support/synthetic-runs.ts';

const FAST_RETRIES: AGLExporterOptions = {
  retryDelayMs: 100,
  client: { retry: false, healthProbe: false, timeoutMs: 2_000, connectTimeoutMs: 500 },
};

interface Pipeline {
  provider: NodeTracerProvider;
  exporter: AGLSpanExporter;
}

let active: Pipeline | undefined;

function pipeline(options: AGLExporterOptions): Pipeline {
  const exporter = new AGLSpanExporter({ ...FAST_RETRIES, ...options });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'reliability-test' }),
    spanProcessors: [new AGLSpanProcessor({ exporter })],
  });
  provider.register();
  active = { provider, exporter };
  return active;
}

afterEach(async () => {
  await active?.provider.shutdown();
  active = undefined;
  trace.disable();
  context.disable();
  propagation.disable();
});

async function allSpansStored(store: AglStore, traceId: string, expected: number): Promise<void> {
  await eventually(async () => {
    const [rollout] = await rolloutsOfTrace(store, traceId);
    expect(rollout?.status).toBe('succeeded');
    expect((await store.querySpans(rollout?.rollout_id as string)).length).toBe(expected);
  }, 30_000);
}

describe.each(SUPPORTED_AGL_VERSIONS)('AGLSpanExporter under faults on AGL %s', (version) => {
  const server = useAglStore(version);

  it('survives the store being killed and restarted mid-run', async () => {
    const { provider, exporter } = pipeline({ endpoint: server.url });
    const tracer = provider.getTracer('test');
    const straddling = openRun(tracer, 'straddler');
    straddling.child();
    const before = syntheticRun(tracer, 'before');
    await provider.forceFlush();

    await server.kill();
    straddling.child();
    straddling.child();
    const during = syntheticRun(tracer, 'during-outage');
    await server.start();
    const after = Array.from({ length: 5 }, (_, i) => syntheticRun(tracer, `after-${i}`));
    const straddlerTrace = straddling.end();
    await provider.forceFlush();

    const store = await connect(server.url);
    try {
      for (const traceId of after) await allSpansStored(store, traceId, 4);
      await allSpansStored(store, during, 4);
      // The straddling run is re-created whole: its spans are kept until it is final, so the
      // child delivered before the restart (which the store forgot) is delivered again.
      const [recreated] = await eventually(() =>
        rolloutsOfTrace(store, straddlerTrace).then((found) => {
          expect(found).toHaveLength(1);
          return found;
        }),
      );
      expect(recreated?.metadata?.recreated_after_store_restart).toBe(1);
      expect(recreated?.metadata?.previous_rollout_ids).toHaveLength(1);
      await allSpansStored(store, straddlerTrace, 4);
      expect(await rolloutsOfTrace(store, before)).toEqual([]);
      expect(exporter.getStats().rollouts.recreated).toBeGreaterThanOrEqual(1);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('delivers once a store that was absent at start-up appears', async () => {
    const port = await freePort();
    const { provider, exporter } = pipeline({ endpoint: `http://127.0.0.1:${port}` });
    const tracer = provider.getTracer('test');
    const traces = Array.from({ length: 3 }, (_, i) => syntheticRun(tracer, `early-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(exporter.getStats().spans.exported).toBe(0);
    expect(exporter.getStats().lastError).not.toBeNull();
    const late = new AglStoreProcess({ version, port });
    await late.start();
    try {
      await provider.forceFlush();
      const store = await connect(late.url);
      for (const traceId of traces) await allSpansStored(store, traceId, 4);
      await store.close();
    } finally {
      await late.stop();
    }
  });

  it('refuses whole runs while the store hangs, then delivers every admitted run whole', async () => {
    const proxy = await new FaultProxy(server.port).start();
    try {
      const { provider, exporter } = pipeline({
        endpoint: proxy.url,
        maxQueueSpans: 100,
        client: { timeoutMs: 500, connectTimeoutMs: 500 },
      });
      // Connect while healthy, then hang every byte.
      const tracer = provider.getTracer('test');
      const first = syntheticRun(tracer, 'before-hang');
      await provider.forceFlush();
      proxy.setMode({ kind: 'stall' });
      const runs = Array.from({ length: 60 }, (_, i) => syntheticRun(tracer, `hung-${i}`));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stats = exporter.getStats();
      // Runs are admitted while fewer than 100 spans are kept; the rest are refused whole.
      expect(stats.spans.queued).toBeLessThanOrEqual(100 + 4);
      expect(stats.rollouts.refused).toBeGreaterThan(0);
      expect(stats.spans.dropped.run_refused).toBe(stats.rollouts.refused * 4);
      expect(stats.spans.dropped.queue_full).toBe(0);
      expect(stats.requestsInFlight).toBeLessThanOrEqual(8);
      proxy.setMode({ kind: 'reset' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      proxy.setMode({ kind: 'pass' });
      await provider.forceFlush();
      const store = await connect(server.url);
      await allSpansStored(store, first, 4);
      const admitted = 60 - stats.rollouts.refused;
      const stored = await eventually(async () => {
        const page = await store.queryRollouts();
        const hung = page.items.filter((r) => runs.includes(r.metadata?.trace_id as string));
        expect(hung.map((r) => r.status)).toEqual(Array(admitted).fill('succeeded'));
        return hung;
      });
      for (const rollout of stored) {
        expect(await store.querySpans(rollout.rollout_id)).toHaveLength(4);
      }
      await store.close();
    } finally {
      await proxy.stop();
    }
  });

  it('does not let a span AGL rejects sink the rest of its batch', async () => {
    const store = await connect(server.url);
    const { provider, exporter } = pipeline({ endpoint: server.url });
    const tracer = provider.getTracer('test');
    const real = await store.startRollout({ input: 'joined elsewhere' });
    // A run that joins an existing rollout with an attempt AGL does not know: rejected.
    tracer
      .startSpan('invoke_agent orphan', {
        attributes: {
          'gen_ai.operation.name': 'invoke_agent',
          'agentlightning.rollout_id': real.rollout_id,
          'agentlightning.attempt_id': 'at-00000000',
        },
      })
      .end();
    const good = Array.from({ length: 5 }, (_, i) => syntheticRun(tracer, `good-${i}`));
    await provider.forceFlush();
    for (const traceId of good) await allSpansStored(store, traceId, 4);
    expect(exporter.getStats().spans.dropped.rejected).toBe(1);
    await store.close();
  });

  it('shuts down within its deadline while the store is down', async () => {
    const port = await freePort();
    const { provider, exporter } = pipeline({
      endpoint: `http://127.0.0.1:${port}`,
      shutdownTimeoutMs: 500,
    });
    const tracer = provider.getTracer('test');
    for (let i = 0; i < 5; i++) syntheticRun(tracer, `doomed-${i}`);
    await provider.shutdown();
    active = undefined;
    const stats = exporter.getStats();
    expect(stats.spans.dropped.shutdown).toBe(20);
    expect(stats.spans.queued).toBe(0);
  }, 5_000);
});
