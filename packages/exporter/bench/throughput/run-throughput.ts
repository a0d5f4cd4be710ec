import { join } from 'node:path';
import { connect } from '@agl/client';
import type { AglStoreProcess, AglVersion } from '@agl/testkit';
import { runCase } from '../child-case.ts';
import { log } from '../log.ts';
import type { BenchPlan } from '../plan.ts';
import type { PythonBench } from '../python-worker.ts';
import type { CeilingSweepPoint, ThroughputCase, VersionThroughput } from '../results.ts';
import { countStoredSpans } from '../store-count.ts';
import { processCpuSeconds, type StorePool } from '../store-pool.ts';
import { prebuildAddSpanBodies } from '../workload/add-span-bodies.ts';
import { SPANS_PER_RUN } from '../workload/agent-run.ts';
import { postBodies } from './ceiling.ts';
import type { ExporterThroughputArgs, ExporterThroughputResult } from './exporter-case.ts';
import type { OtelThroughputArgs, OtelThroughputResult } from './otel-case.ts';

const EXPORTER_CASE = join(import.meta.dirname, 'exporter-case.ts');
const OTEL_CASE = join(import.meta.dirname, 'otel-case.ts');

export interface ThroughputContext {
  pool: StorePool;
  python: PythonBench;
  workloadFile: string;
  plan: BenchPlan['throughput'];
  verbose: boolean;
}

/** Every case of one AGL version needs a fresh store. */
export function storesNeeded(version: AglVersion): number {
  const exporterCases = version === '0.2.2' ? 3 : 5;
  return 2 + 3 + exporterCases;
}

/** Runs `measure` on a fresh store, with the store's CPU use and a count of what it holds after. */
/** Marks the measured window, so the store's CPU is counted over exactly that time. */
interface CpuWindow {
  start(): void;
  end(): void;
}

/**
 * Runs `measure` on a fresh store, with the store's CPU use over the measured window (the whole
 * call unless `measure` marks it) and a count of what the store holds afterwards.
 */
async function onFreshStore(
  context: ThroughputContext,
  version: AglVersion,
  measure: (
    server: AglStoreProcess,
    window: CpuWindow,
  ) => Promise<Omit<ThroughputCase, 'stored' | 'serverCpuSeconds' | 'serverCpuShare'>>,
): Promise<ThroughputCase> {
  const server = await context.pool.take(version);
  try {
    const pid = server.pid as number;
    let cpuStart = processCpuSeconds(pid);
    let cpuEnd: number | undefined;
    const window: CpuWindow = {
      start: () => {
        cpuStart = processCpuSeconds(pid);
      },
      end: () => {
        cpuEnd = processCpuSeconds(pid);
      },
    };
    const measured = await measure(server, window);
    const serverCpuSeconds = (cpuEnd ?? processCpuSeconds(pid)) - cpuStart;
    const store = await connect(server.url);
    const stored = await countStoredSpans(store);
    await store.close();
    const result: ThroughputCase = {
      ...measured,
      stored,
      serverCpuSeconds,
      serverCpuShare: serverCpuSeconds / measured.seconds,
    };
    const lost = result.spans - stored;
    log(
      `  ${result.label}: ${Math.round(result.spansPerSecond)} spans/s (${result.spans} spans in ${result.seconds.toFixed(1)} s, store CPU ${(100 * result.serverCpuShare).toFixed(0)}%${lost === 0 ? '' : `, ${lost} MISSING in the store`})`,
    );
    return result;
  } finally {
    await server.stop();
  }
}

async function ceilingCases(
  context: ThroughputContext,
  version: AglVersion,
): Promise<{ sweep: CeilingSweepPoint[]; best: ThroughputCase }> {
  const path = version === '0.2.2' ? '/add_span' : '/v1/agl/spans';
  const { plan } = context;
  const sweep: CeilingSweepPoint[] = [];
  const sweepServer = await context.pool.take(version);
  try {
    const store = await connect(sweepServer.url);
    for (const [i, connections] of plan.ceilingConnections.entries()) {
      const { bodies } = await prebuildAddSpanBodies(
        store,
        plan.ceilingSweepRuns,
        Math.min(100, plan.ceilingSweepRuns),
        i * plan.ceilingSweepRuns,
      );
      const run = await postBodies(sweepServer.url, path, bodies, connections);
      if (run.failed > 0)
        throw new Error(`load generator: ${run.failed} of ${run.requests} requests failed`);
      sweep.push({
        connections,
        spans: run.ok,
        spansPerSecond: run.spansPerSecond,
        latencyP50Ms: run.latencyP50Ms,
        latencyP99Ms: run.latencyP99Ms,
      });
      log(
        `  load generator, ${connections} connections: ${Math.round(run.spansPerSecond)} spans/s`,
      );
    }
    await store.close();
  } finally {
    await sweepServer.stop();
  }
  const bestConnections =
    [...sweep].sort((a, b) => b.spansPerSecond - a.spansPerSecond)[0]?.connections ?? 8;
  const best = await onFreshStore(context, version, async (server, window) => {
    const store = await connect(server.url);
    const { bodies } = await prebuildAddSpanBodies(store, plan.ceilingRuns, 100);
    await store.close();
    window.start();
    const run = await postBodies(server.url, path, bodies, bestConnections);
    window.end();
    return {
      id: 'ceiling',
      contender: 'ceiling',
      label: `Load generator (autocannon, ${bestConnections} connections)`,
      how: `pre-built ${path} bodies, one request per span, into 100 pre-created rollouts`,
      spans: run.ok,
      seconds: run.seconds,
      spansPerSecond: run.spansPerSecond,
      extra: {
        connections: bestConnections,
        latencyP50Ms: run.latencyP50Ms,
        latencyP99Ms: run.latencyP99Ms,
      },
    };
  });
  return { sweep, best };
}

async function pythonCase(
  context: ThroughputContext,
  version: AglVersion,
  mode: 'client' | 'tracer',
  runs: number,
  concurrency: number,
): Promise<ThroughputCase> {
  return onFreshStore(context, version, async (server) => {
    const result = await context.python.run({
      url: server.url,
      workload: context.workloadFile,
      mode,
      runs,
      concurrency,
    });
    const tracerHow =
      version === '0.2.2'
        ? 'OtelTracer + LightningSpanProcessor: each span end blocks on add_otel_span (next sequence id, then add_span)'
        : `OtelTracer with the store advertising OTLP: SimpleSpanProcessor + LightningStoreOTLPExporter, one OTLP request per span end${result.otlpEndpointPatched ? ' (its OTLP client pointed at the store by the benchmark: as installed it posts to localhost:4318)' : ''}`;
    return {
      id: mode === 'client' ? `python-client-${concurrency}` : 'python-tracer',
      contender: mode === 'client' ? 'python-client' : 'python-tracer',
      label:
        mode === 'client'
          ? `AGL Python client, ${concurrency} run${concurrency === 1 ? '' : 's'} at a time`
          : 'AGL Python tracer (OtelTracer), 1 worker',
      how:
        mode === 'client'
          ? 'LightningStoreClient.add_otel_span per span (next sequence id, then add span), as the tracer does; start_rollout and update_attempt per run'
          : tracerHow,
      spans: result.spans,
      seconds: result.seconds,
      spansPerSecond: result.spans / result.seconds,
      extra: {
        concurrency,
        aglVersion: result.aglVersion,
        ...(result.otlpEndpointPatched === undefined
          ? {}
          : { otlpEndpointPatched: result.otlpEndpointPatched }),
      },
    };
  });
}

type ExporterShape = 'steady' | 'burst' | 'joined';

async function exporterCase(
  context: ThroughputContext,
  version: AglVersion,
  transport: 'otlp' | 'rest',
  shape: ExporterShape,
): Promise<ThroughputCase> {
  const { plan } = context;
  const runs = transport === 'otlp' ? plan.exporterOtlpRuns : plan.exporterRestRuns;
  return onFreshStore(context, version, async (server, window) => {
    const args: ExporterThroughputArgs = {
      url: server.url,
      transport,
      runs,
      ...(shape === 'steady' ? { maxOpenRuns: plan.openRuns } : {}),
      ...(shape === 'joined' ? { joined: true } : {}),
    };
    const result = await runCase<ExporterThroughputResult>(EXPORTER_CASE, args, {
      verbose: context.verbose,
      onEvent: (event) => {
        if (event.name === 'measure-start') window.start();
        if (event.name === 'measure-end') window.end();
      },
    });
    if (result.exported !== result.spans) {
      throw new Error(`exporter case lost spans: ${JSON.stringify(result)}`);
    }
    const wire =
      version === '0.2.2'
        ? 'POST /add_span per span'
        : transport === 'otlp'
          ? 'OTLP/protobuf batches'
          : 'POST /v1/agl/spans per span';
    const shapeLabel = {
      steady: `≤ ${plan.openRuns} runs open`,
      burst: `burst of ${runs} runs`,
      joined: `burst of ${runs} runs into rollouts created elsewhere`,
    }[shape];
    return {
      id: `exporter-${transport}-${shape}`,
      contender: 'exporter',
      label: `AGLSpanProcessor${version === '0.2.2' ? '' : ` ${transport.toUpperCase()}`}, ${shapeLabel}`,
      how:
        shape === 'joined'
          ? `${wire}; the agent spans carry the ids of pre-created rollouts, so the exporter only adds spans (one next-sequence-id call per run, no rollout calls)`
          : `${wire}; rollout created at agent span start, described and finished per run (3 calls per run)`,
      spans: result.spans,
      seconds: result.seconds,
      spansPerSecond: result.spansPerSecond,
      clientCpuSeconds: result.cpuSeconds,
      extra: {
        transport,
        runs,
        shape,
        maxOpenRuns: shape === 'steady' ? plan.openRuns : null,
        generationSeconds: result.generationSeconds,
        peakQueued: result.peakQueued,
        rolloutsStarted: result.rolloutsStarted,
        rolloutsFinished: result.rolloutsFinished,
      },
    };
  });
}

/** OpenTelemetry's BatchSpanProcessor + OTLPTraceExporter into one pre-created rollout (0.3). */
async function otelCase(context: ThroughputContext, version: AglVersion): Promise<ThroughputCase> {
  const runs = context.plan.exporterOtlpRuns;
  return onFreshStore(context, version, async (server, window) => {
    const args: OtelThroughputArgs = { url: server.url, runs };
    const result = await runCase<OtelThroughputResult>(OTEL_CASE, args, {
      verbose: context.verbose,
      onEvent: (event) => {
        if (event.name === 'measure-start') window.start();
        if (event.name === 'measure-end') window.end();
      },
    });
    return {
      id: 'otel-batch-otlp',
      contender: 'otel',
      label: `OpenTelemetry BatchSpanProcessor + OTLPTraceExporter (protobuf), burst of ${runs} runs`,
      how: 'OTLP/protobuf batches into one rollout created beforehand (its ids as resource attributes): no rollout per run',
      spans: result.spans,
      seconds: result.seconds,
      spansPerSecond: result.spansPerSecond,
      clientCpuSeconds: result.cpuSeconds,
      extra: { runs },
    };
  });
}

/** Throughput into one AGL version: load-generator ceiling, AGL's Python client, the exporter. */
export async function runThroughput(
  context: ThroughputContext,
  version: AglVersion,
): Promise<VersionThroughput> {
  const { plan } = context;
  log(`throughput on AGL ${version} (${SPANS_PER_RUN} spans per agent run)`);
  const { sweep, best } = await ceilingCases(context, version);
  const cases: ThroughputCase[] = [best];
  cases.push(await pythonCase(context, version, 'client', plan.pythonSingleRuns, 1));
  cases.push(await pythonCase(context, version, 'client', plan.pythonRuns, plan.openRuns));
  cases.push(await pythonCase(context, version, 'tracer', plan.pythonTracerRuns, 1));
  const transports: Array<'rest' | 'otlp'> = version === '0.2.2' ? ['rest'] : ['rest', 'otlp'];
  for (const transport of transports) {
    cases.push(await exporterCase(context, version, transport, 'steady'));
    cases.push(await exporterCase(context, version, transport, 'burst'));
  }
  if (version !== '0.2.2') cases.push(await otelCase(context, version));
  // Spans only, no rollout calls: how much of the gap to the load generator the rollouts make.
  if (version === '0.2.2') cases.push(await exporterCase(context, version, 'rest', 'joined'));
  return { version, cases, ceilingSweep: sweep };
}
