import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type AglStore, connect, type RolloutRequest } from '@agl/client';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { AGLSpanProcessor } from '../../src/index.ts';
import { runAsCase } from '../child-case.ts';
import { emitAgentRunPaced, SPANS_PER_RUN } from '../workload/agent-run.ts';

export interface LatencyArgs {
  url: string;
  seconds: number;
  spansPerSecond: number;
  /** Every n-th agent run has all its spans watched in the store. */
  sampleEveryRuns: number;
}

export interface LatencyCaseResult {
  runs: number;
  sampledSpans: number;
  missing: number;
  /** Span end → first `querySpans` answer that holds it, ms. */
  /** How late the app's event loop ran timers (monitorEventLoopDelay): app-side pauses. */
  eventLoopDelayMs: { p99: number; max: number };
  latenciesMs: number[];
  /** [position in the run's end order, template index, latency ms, ms since start] per span. */
  samples: Array<[number, number, number, number]>;
  /** Mean time between two looks at the same rollout. */
  pollIntervalMs: number;
  exported: number;
  retried: number;
  lastError: string | null;
  dropped: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

/** The store the exporter uses, telling us which rollout each trace got (nothing else changes). */
function observed(
  store: AglStore,
  onRollout: (traceId: string, rolloutId: string) => void,
): AglStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'startRollout') {
        return async (request: RolloutRequest) => {
          const created = await target.startRollout(request);
          const traceId = request.metadata?.trace_id;
          if (typeof traceId === 'string') onRollout(traceId, created.rollout_id);
          return created;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

interface Watched {
  traceId: string;
  rolloutId: string | undefined;
  /** span id → end time (epoch ms) and position of spans not seen in the store yet. */
  pending: Map<string, { endedAt: number; index: number; order: number }>;
  lastLook: number;
}

/**
 * Latency from span end to readable in the store at a moderate rate: agent runs whose spans end
 * a few ms apart; for every n-th run, each span's end time is noted and the run's rollout is
 * polled with `querySpans` until every span shows up.
 */
async function latency(args: LatencyArgs): Promise<LatencyCaseResult> {
  const store = await connect(args.url);
  const reader = await connect(args.url);
  const rollouts = new Map<string, string>();
  const processor = new AGLSpanProcessor({
    store: observed(store, (traceId, rolloutId) => rollouts.set(traceId, rolloutId)),
  });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'agl-bench' }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('agl-bench');

  const watched: Watched[] = [];
  const latencies: number[] = [];
  const samples: Array<[number, number, number, number]> = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = now();
  const lookGaps: number[] = [];
  let generating = true;
  const runEveryMs = (1000 * SPANS_PER_RUN) / args.spansPerSecond;
  const spanGapMs = Math.max(1, Math.floor(runEveryMs / SPANS_PER_RUN));

  const poller = (async () => {
    while (generating || watched.some((w) => w.pending.size > 0)) {
      let looked = false;
      for (const w of watched) {
        if (w.pending.size === 0) continue;
        w.rolloutId ??= rollouts.get(w.traceId);
        if (!w.rolloutId) continue;
        const sentAt = now();
        if (w.lastLook > 0) lookGaps.push(sentAt - w.lastLook);
        w.lastLook = sentAt;
        const spans = await reader.querySpans(w.rolloutId);
        const answeredAt = now();
        looked = true;
        for (const span of spans) {
          const pending = w.pending.get(span.span_id);
          if (pending === undefined) continue;
          latencies.push(answeredAt - pending.endedAt);
          samples.push([
            pending.order,
            pending.index,
            answeredAt - pending.endedAt,
            answeredAt - started,
          ]);
          w.pending.delete(span.span_id);
        }
      }
      if (!looked) await sleep(1);
    }
  })();

  const runs: Promise<void>[] = [];
  let run = 0;
  while (now() - started < args.seconds * 1000) {
    const sampled = run % args.sampleEveryRuns === 0;
    const entry: Watched | undefined = sampled
      ? { traceId: '', rolloutId: undefined, pending: new Map(), lastLook: 0 }
      : undefined;
    if (entry) watched.push(entry);
    runs.push(
      emitAgentRunPaced(tracer, run, {
        pause: () => sleep(spanGapMs),
        ...(entry
          ? {
              onEnd: (span, index) => {
                const context = span.spanContext();
                entry.traceId = context.traceId;
                entry.pending.set(context.spanId, {
                  endedAt: now(),
                  index,
                  order: entry.pending.size,
                });
              },
            }
          : {}),
      }),
    );
    run++;
    const nextAt = started + run * runEveryMs;
    await sleep(Math.max(0, nextAt - now()));
  }
  await Promise.all(runs);
  generating = false;
  const deadline = now() + 15_000;
  while (watched.some((w) => w.pending.size > 0) && now() < deadline) await sleep(10);
  const missing = watched.reduce((total, w) => total + w.pending.size, 0);
  for (const w of watched) w.pending.clear();
  await poller;
  loopDelay.disable();
  const stats = processor.getStats();
  await provider.shutdown();
  await store.close();
  await reader.close();
  return {
    runs: run,
    sampledSpans: latencies.length + missing,
    missing,
    eventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    latenciesMs: latencies,
    samples,
    pollIntervalMs: lookGaps.length > 0 ? lookGaps.reduce((a, b) => a + b, 0) / lookGaps.length : 0,
    exported: stats.spans.exported,
    retried: stats.spans.retried,
    lastError: stats.lastError?.message ?? null,
    dropped: Object.values(stats.spans.dropped).reduce((a, b) => a + b, 0),
  };
}

runAsCase(latency);
