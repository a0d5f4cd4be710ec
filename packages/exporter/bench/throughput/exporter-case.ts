import { ATTEMPT_ID_KEY, connect, ROLLOUT_ID_KEY } from '@agl/client';
import type { Attributes } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { AGLSpanProcessor } from '../../src/index.ts';
import { emitEvent, runAsCase } from '../child-case.ts';
import { emitAgentRunPaced, SPANS_PER_RUN } from '../workload/agent-run.ts';

export interface ExporterThroughputArgs {
  url: string;
  transport: 'otlp' | 'rest';
  runs: number;
  /**
   * Most agent runs open at once, counted until their rollout is finished in AGL: the app starts
   * a new run only below it (like N workers that each wait for their run to be stored). Omitted:
   * every run is started at once (a burst the exporter drains).
   */
  maxOpenRuns?: number;
  maxConcurrentRequests?: number;
  /**
   * Rollouts are created before the clock starts and the agent spans carry their ids, so the
   * exporter joins them: it only adds spans (one next-sequence-id call per run), no rollout calls.
   */
  joined?: boolean;
}

export interface ExporterThroughputResult {
  spans: number;
  exported: number;
  dropped: number;
  seconds: number;
  spansPerSecond: number;
  /** How long the app took to produce every span (the exporter delivers in the background). */
  generationSeconds: number;
  rolloutsStarted: number;
  rolloutsFinished: number;
  /** Peak of spans waiting in the exporter. */
  peakQueued: number;
  /** CPU time of the app process (span generation plus the exporter) while measured. */
  cpuSeconds: number;
  lastError: string | null;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Throughput of AGLSpanProcessor into a real store: `concurrentRuns` agent runs at a time, spans
 * made by the real OpenTelemetry SDK, timed from the first span end until every span is exported.
 * The queue can hold the whole workload, so this measures delivery, not dropping.
 */
async function exporterThroughput(args: ExporterThroughputArgs): Promise<ExporterThroughputResult> {
  const total = args.runs * SPANS_PER_RUN;
  const processor = new AGLSpanProcessor({
    endpoint: args.url,
    transport: args.transport,
    maxQueueSpans: total + 1024,
    maxQueueBytes: 2 ** 31,
    ...(args.maxConcurrentRequests ? { maxConcurrentRequests: args.maxConcurrentRequests } : {}),
  });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'agl-bench' }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('agl-bench');

  const joinedIds: Attributes[] = [];
  if (args.joined && args.maxOpenRuns !== undefined) {
    throw new Error('joined runs are never finished by the exporter: use them without maxOpenRuns');
  }
  if (args.joined) {
    const store = await connect(args.url);
    for (let run = 0; run < args.runs; run++) {
      const created = await store.startRollout({ input: { run }, mode: null, metadata: {} });
      joinedIds.push({
        [ROLLOUT_ID_KEY]: created.rollout_id,
        [ATTEMPT_ID_KEY]: created.attempt.attempt_id,
      });
    }
    await store.close();
  }

  emitEvent('measure-start');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const app: Promise<void>[] = [];
  let generated = 0;
  void (async () => {
    for (let run = 0; run < args.runs; run++) {
      if (args.maxOpenRuns !== undefined) {
        while (run - processor.getStats().rollouts.finished >= args.maxOpenRuns) await sleep(1);
      }
      const rootAttributes = joinedIds[run];
      app.push(
        emitAgentRunPaced(tracer, run, {
          pause: tick,
          ...(rootAttributes ? { rootAttributes } : {}),
        }),
      );
      if (args.maxOpenRuns === undefined && run % 64 === 63) await tick();
    }
    await Promise.all(app);
    generated = performance.now();
  })();
  let peakQueued = 0;
  for (;;) {
    const stats = processor.getStats();
    peakQueued = Math.max(peakQueued, stats.spans.queued);
    const dropped = Object.values(stats.spans.dropped).reduce((a, b) => a + b, 0);
    if (stats.spans.exported + dropped + stats.spans.failed >= total) break;
    await sleep(5);
  }
  const finished = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  emitEvent('measure-end');
  await provider.forceFlush();
  const stats = processor.getStats();
  await provider.shutdown();
  const seconds = (finished - started) / 1000;
  return {
    spans: total,
    exported: stats.spans.exported,
    dropped: Object.values(stats.spans.dropped).reduce((a, b) => a + b, 0),
    seconds,
    spansPerSecond: stats.spans.exported / seconds,
    generationSeconds: ((generated || finished) - started) / 1000,
    rolloutsStarted: stats.rollouts.started,
    rolloutsFinished: stats.rollouts.finished,
    peakQueued,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    lastError: stats.lastError?.message ?? null,
  };
}

runAsCase(exporterThroughput);
