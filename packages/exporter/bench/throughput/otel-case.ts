import { ATTEMPT_ID_KEY, connect, ROLLOUT_ID_KEY } from '@agl/client';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { emitEvent, runAsCase } from '../child-case.ts';
import { emitAgentRunPaced, SPANS_PER_RUN } from '../workload/agent-run.ts';

export interface OtelThroughputArgs {
  url: string;
  runs: number;
}

export interface OtelThroughputResult {
  spans: number;
  seconds: number;
  spansPerSecond: number;
  /** CPU time of the app process (span generation plus the batch processor) while measured. */
  cpuSeconds: number;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * OpenTelemetry's own pipeline as the reference for the exporter's cost: BatchSpanProcessor +
 * OTLPTraceExporter (protobuf) posting the same agent runs to the same store's `/v1/traces`,
 * every span into one rollout created beforehand (its ids as resource attributes). No rollout
 * per run, no placement: what the exporter does on top of this is its overhead.
 */
async function otelThroughput(args: OtelThroughputArgs): Promise<OtelThroughputResult> {
  const total = args.runs * SPANS_PER_RUN;
  const store = await connect(args.url);
  const rollout = await store.startRollout({ input: 'otel contender', mode: null, metadata: {} });
  await store.close();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'agl-bench',
      [ROLLOUT_ID_KEY]: rollout.rollout_id,
      [ATTEMPT_ID_KEY]: rollout.attempt.attempt_id,
    }),
    spanProcessors: [
      // The exporter's default of 30 requests in flight refuses batches of a 16,500-span burst.
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${args.url}/v1/traces`, concurrencyLimit: 1_000 }),
        {
          maxQueueSize: total + 1024,
        },
      ),
    ],
  });
  const tracer = provider.getTracer('agl-bench');
  emitEvent('measure-start');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const app: Promise<void>[] = [];
  for (let run = 0; run < args.runs; run++) {
    app.push(emitAgentRunPaced(tracer, run, { pause: tick }));
    if (run % 64 === 63) await tick();
  }
  await Promise.all(app);
  await provider.forceFlush();
  const finished = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  emitEvent('measure-end');
  await provider.shutdown();
  const seconds = (finished - started) / 1000;
  return {
    spans: total,
    seconds,
    spansPerSecond: total / seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

runAsCase(otelThroughput);
