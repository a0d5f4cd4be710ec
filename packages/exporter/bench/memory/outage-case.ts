import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { AGLSpanProcessor } from '../../src/index.ts';
import { emitEvent, runAsCase } from '../child-case.ts';
import { emitAgentRun, SPANS_PER_RUN } from '../workload/agent-run.ts';

export interface OutageArgs {
  /** The store behind a fault proxy the parent stalls and releases. */
  url: string;
  spansPerSecond: number;
  seconds: number;
  maxQueueSpans: number;
  maxQueueBytes: number;
  sampleMs: number;
  /** Every this many ms a full GC runs first, so `retainedHeap` is what is really held. */
  gcEveryMs: number;
}

export interface OutageSample {
  at: number;
  rss: number;
  heapUsed: number;
  external: number;
  /** heapUsed right after a full GC, on GC samples only. */
  retainedHeap: number | null;
  queued: number;
  exported: number;
  dropped: number;
  /** Span deliveries the exporter has in flight (rollout calls are not counted). */
  inFlight: number;
  rolloutsStarted: number;
  rolloutsFinished: number;
  spansOffered: number;
}

export interface OutageCaseResult {
  samples: OutageSample[];
  spansOffered: number;
  stats: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * An app making agent runs at a fixed span rate for `seconds` while the parent takes the store
 * away and gives it back, sampling this process's memory and the exporter's counters.
 */
async function outage(args: OutageArgs): Promise<OutageCaseResult> {
  const processor = new AGLSpanProcessor({
    endpoint: args.url,
    maxQueueSpans: args.maxQueueSpans,
    maxQueueBytes: args.maxQueueBytes,
  });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'agl-bench' }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('agl-bench');
  const samples: OutageSample[] = [];
  let run = 0;
  let lastGc = 0;
  const sample = () => {
    let retainedHeap: number | null = null;
    const now = Date.now();
    if (now - lastGc >= args.gcEveryMs) {
      collect();
      retainedHeap = process.memoryUsage().heapUsed;
      lastGc = now;
    }
    const memory = process.memoryUsage();
    const stats = processor.getStats();
    samples.push({
      at: now,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
      retainedHeap,
      queued: stats.spans.queued,
      exported: stats.spans.exported,
      dropped: Object.values(stats.spans.dropped).reduce((a, b) => a + b, 0),
      inFlight: stats.requestsInFlight,
      rolloutsStarted: stats.rollouts.started,
      rolloutsFinished: stats.rollouts.finished,
      spansOffered: run * SPANS_PER_RUN,
    });
  };

  collect();
  sample();
  emitEvent('generating');
  const started = Date.now();
  let nextSample = started;
  while (Date.now() - started < args.seconds * 1000) {
    const due = Math.floor((((Date.now() - started) / 1000) * args.spansPerSecond) / SPANS_PER_RUN);
    while (run < due) emitAgentRun(tracer, run++);
    if (Date.now() >= nextSample) {
      sample();
      nextSample += args.sampleMs;
    }
    await sleep(5);
  }
  lastGc = 0;
  sample();
  const stats = processor.getStats() as unknown as Record<string, unknown>;
  return { samples, spansOffered: run * SPANS_PER_RUN, stats };
}

runAsCase(outage);
