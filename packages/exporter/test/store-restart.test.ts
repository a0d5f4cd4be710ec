import { connect, type Rollout } from '@agl/client';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { useRegisteredExporter } from './support/registered-provider.ts';
import { startRunLoad } from './support/run-load.ts';

const CHILDREN = 10;
const FINAL = new Set(['succeeded', 'failed', 'cancelled', 'timeout', 'unresponsive']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const start = useRegisteredExporter();

describe.each(SUPPORTED_AGL_VERSIONS)(
  'AGLSpanExporter when AGL %s is killed mid-load',
  (version) => {
    const server = useAglStore(version);

    it('leaves no incomplete succeeded rollout, none unfinished, and every later run whole', async () => {
      const { exporter, tracer } = start({
        endpoint: server.url,
        // Room for everything made while the store restarts (slow on a busy machine), so no run
        // is refused: refusal has its own test.
        maxQueueSpans: 200_000,
        retryDelayMs: 100,
        flushTimeoutMs: 90_000,
        client: { timeoutMs: 2_000, connectTimeoutMs: 500 },
      });
      const load = startRunLoad(tracer, {
        users: 2,
        children: CHILDREN,
        pauseMs: 20,
      });
      await sleep(1_500);
      await server.kill();
      await sleep(300);
      await server.start();
      const restartedAt = Date.now();
      await sleep(1_500);
      const runs = await load.stop();
      await exporter.forceFlush();

      const store = await connect(server.url);
      try {
        const rollouts = (await store.queryRollouts()).items;
        const byTrace = new Map<string, Rollout[]>();
        for (const rollout of rollouts) {
          const traceId = rollout.metadata?.trace_id as string;
          byTrace.set(traceId, [...(byTrace.get(traceId) ?? []), rollout]);
        }
        expect(rollouts.filter((rollout) => !FINAL.has(rollout.status))).toEqual([]);
        for (const rollout of rollouts.filter((r) => r.status === 'succeeded')) {
          expect(await store.querySpans(rollout.rollout_id)).toHaveLength(CHILDREN + 1);
        }
        const stats = exporter.getStats();
        expect(stats.rollouts.refused).toBe(0);
        const later = runs.filter((run) => run.startedAt >= restartedAt);
        expect(later.length).toBeGreaterThan(0);
        for (const run of later) {
          const found = byTrace.get(run.traceId) ?? [];
          expect(found.map((rollout) => rollout.status)).toEqual(['succeeded']);
        }
        expect(exporter.getStats().rollouts.active).toBe(0);
        expect(exporter.getStats().spans.queued).toBe(0);
      } finally {
        await store.close();
      }
    }, 180_000);
  },
);
