import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { useRegisteredExporter } from './support/registered-provider.ts';
import { useStoreClient } from './support/store-client.ts';
import { eventually, rolloutsOfTrace } from './support/store-queries.ts';

const start = useRegisteredExporter();

describe.each(SUPPORTED_AGL_VERSIONS)('rollout fields on AGL %s', (version) => {
  const server = useAglStore(version);
  const client = useStoreClient(server);

  it('repairs lone surrogates in input, metadata and the attempt error, so rollouts still list', async () => {
    const { exporter, tracer } = start({
      endpoint: server.url,
      metadata: { ['tag\ud800']: 'v\udc00' },
    });
    const root = tracer.startSpan('invoke_agent poisoned', {
      attributes: {
        'gen_ai.operation.name': 'invoke_agent',
        'mastra.agent_run.input': JSON.stringify({ text: 'p\ud800' }),
        'mastra.metadata.postId': 'p\ud800',
      },
    });
    root.setStatus({ code: SpanStatusCode.ERROR, message: 'failed on \udfff' });
    root.end();
    await exporter.forceFlush();
    const traceId = root.spanContext().traceId;
    const [rollout] = await eventually(async () => {
      const found = await rolloutsOfTrace(client.store, traceId);
      expect(found.map((r) => r.status)).toEqual(['failed']);
      return found;
    });
    expect(rollout?.metadata).toMatchObject({ postId: 'p\uFFFD', 'tag\uFFFD': 'v\uFFFD' });
    expect(rollout?.input).toEqual({ text: 'p\uFFFD' });
    const attempt = await client.store.getLatestAttempt(rollout?.rollout_id as string);
    expect(attempt?.metadata?.error).toBe('failed on \uFFFD');
    // Listing every rollout is what a poisoned store breaks for good.
    expect((await client.store.queryRollouts()).items.length).toBeGreaterThan(0);
  });

  it('stores a run whole when its agent span carries two 20 MB attributes', async () => {
    const { exporter, tracer } = start({ endpoint: server.url });
    const huge = 'x'.repeat(20 * 1024 * 1024);
    const traceId = tracer.startActiveSpan(
      'invoke_agent huge',
      { attributes: { 'gen_ai.operation.name': 'invoke_agent', a: huge, b: huge } },
      (root) => {
        tracer
          .startSpan('chat test-model', { attributes: { 'gen_ai.operation.name': 'chat' } })
          .end();
        root.end();
        return root.spanContext().traceId;
      },
    );
    await exporter.forceFlush();
    const [rollout] = await eventually(async () => {
      const found = await rolloutsOfTrace(client.store, traceId);
      expect(found.map((r) => r.status)).toEqual(['succeeded']);
      return found;
    });
    const spans = await client.store.querySpans(rollout?.rollout_id as string);
    expect(spans.map((span) => span.name).sort()).toEqual(['chat test-model', 'invoke_agent huge']);
    const agent = spans.find((span) => span.name === 'invoke_agent huge');
    expect(String(agent?.attributes.a).length).toBeLessThan(1024 * 1024);
    expect(exporter.getStats().spans.dropped.queue_full).toBe(0);
  }, 60_000);
});
