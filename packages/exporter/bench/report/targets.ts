import type { MemorySummary } from '../memory/summarize.ts';
import type { BenchResults, ThroughputCase, VersionThroughput } from '../results.ts';

export type TargetId =
  | 'ceiling-0.2'
  | 'burst-0.2'
  | 'python'
  | 'otlp-vs-rest'
  | 'cpu-vs-otel'
  | 'throughput-vs-otel'
  | 'hot-path'
  | 'memory'
  | 'recovery-first'
  | 'recovery-share';

export interface TargetCheck {
  id: TargetId;
  /** e.g. `AGL 0.2.2: exporter ≥ 0.9 × load generator`. */
  label: string;
  /** What was compared, in words with the numbers. */
  detail: string;
  ratio: number;
  /** The ratio must be ≥ this (or ≤ for `atMost`). */
  threshold: number;
  atMost: boolean;
  met: boolean;
}

function find(version: VersionThroughput, id: string): ThroughputCase | undefined {
  return version.cases.find((c) => c.id === id);
}

function rate(c: ThroughputCase): string {
  return `${Math.round(c.spansPerSecond)} spans/s`;
}

function check(
  id: TargetId,
  label: string,
  detail: string,
  ratio: number,
  threshold: number,
  atMost = false,
): TargetCheck {
  return {
    id,
    label,
    detail,
    ratio,
    threshold,
    atMost,
    met: atMost ? ratio <= threshold : ratio >= threshold,
  };
}

/** The exporter's headline case on a version: its default transport, all runs at once. */
export function headlineExporter(version: VersionThroughput): ThroughputCase | undefined {
  return find(
    version,
    version.version.startsWith('0.2') ? 'exporter-rest-burst' : 'exporter-otlp-burst',
  );
}

/** The fastest of AGL's own Python contenders on a version. */
export function bestPython(version: VersionThroughput): ThroughputCase | undefined {
  return version.cases
    .filter((c) => c.contender === 'python-client' || c.contender === 'python-tracer')
    .sort((a, b) => b.spansPerSecond - a.spansPerSecond)[0];
}

/** Each target of the issue, computed from the results that were measured. */
export function evaluateTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const version of results.throughput) {
    const exporter = headlineExporter(version);
    const ceiling = find(version, 'ceiling');
    if (version.version.startsWith('0.2') && exporter && ceiling) {
      const detail = `${rate(exporter)} vs ${rate(ceiling)}`;
      const ratio = exporter.spansPerSecond / ceiling.spansPerSecond;
      checks.push(
        check(
          'ceiling-0.2',
          `AGL ${version.version}: exporter ≥ 0.9 × load generator`,
          detail,
          ratio,
          0.9,
        ),
        check(
          'burst-0.2',
          `AGL ${version.version}: exporter burst ≥ 0.75 × load generator`,
          detail,
          ratio,
          0.75,
        ),
      );
    }
    checks.push(...otelChecks(version, exporter));
    const python = bestPython(version);
    if (exporter && python) {
      checks.push(
        check(
          'python',
          `AGL ${version.version}: exporter ≥ 2.5 × AGL's Python tracer pattern`,
          `${rate(exporter)} vs ${rate(python)} (${python.label}, the fastest Python contender)`,
          exporter.spansPerSecond / python.spansPerSecond,
          2.5,
        ),
      );
    }
    const otlp = find(version, 'exporter-otlp-burst');
    const rest = find(version, 'exporter-rest-burst');
    if (otlp && rest) {
      checks.push(
        check(
          'otlp-vs-rest',
          `AGL ${version.version}: OTLP path ≥ 5 × REST path`,
          `${rate(otlp)} vs ${rate(rest)}`,
          otlp.spansPerSecond / rest.spansPerSecond,
          5,
        ),
      );
    }
  }
  if (results.hotPath) {
    for (const inRun of [true, false]) {
      const agl = results.hotPath.cases.find((c) => c.id === 'agl' && c.inRun === inRun);
      const batch = results.hotPath.cases.find((c) => c.id === 'batch' && c.inRun === inRun);
      if (agl && batch) {
        checks.push(
          check(
            'hot-path',
            `Hot path ${inRun ? 'in an agent run' : 'outside runs'}: ≤ 1.1 × BatchSpanProcessor`,
            `${Math.round(agl.nsPerSpan)} vs ${Math.round(batch.nsPerSpan)} ns per span`,
            agl.nsPerSpan / batch.nsPerSpan,
            1.1,
            true,
          ),
        );
      }
    }
  }
  if (results.memory) {
    const { summary, maxQueueBytes } = results.memory;
    checks.push(...recoveryChecks(results.memory.summary));
    checks.push(
      check(
        'memory',
        'Memory during an outage within the configured bound',
        `retained heap +${mib(summary.outageGrowth)} over the outage vs maxQueueBytes ${mib(maxQueueBytes)}`,
        summary.outageGrowth / maxQueueBytes,
        1,
        true,
      ),
    );
  }
  return checks;
}

function cpuMicrosPerSpan(c: ThroughputCase): number {
  return ((c.clientCpuSeconds ?? 0) * 1e6) / c.spans;
}

/** The exporter against OpenTelemetry's own batch + OTLP pipeline into the same store. */
function otelChecks(
  version: VersionThroughput,
  exporter: ThroughputCase | undefined,
): TargetCheck[] {
  const otel = find(version, 'otel-batch-otlp');
  if (!otel || !exporter) return [];
  return [
    check(
      'cpu-vs-otel',
      `AGL ${version.version}: app CPU per span ≤ 1.5 × OpenTelemetry batch + OTLP`,
      `${cpuMicrosPerSpan(exporter).toFixed(0)} vs ${cpuMicrosPerSpan(otel).toFixed(0)} µs per span`,
      cpuMicrosPerSpan(exporter) / cpuMicrosPerSpan(otel),
      1.5,
      true,
    ),
    check(
      'throughput-vs-otel',
      `AGL ${version.version}: throughput ≥ 0.5 × OpenTelemetry batch + OTLP`,
      `${rate(exporter)} (one rollout per run) vs ${rate(otel)} (one rollout in all)`,
      exporter.spansPerSecond / otel.spansPerSecond,
      0.5,
    ),
  ];
}

function recoveryChecks(summary: MemorySummary): TargetCheck[] {
  const first = summary.firstDeliveryAfterOutageSeconds;
  const share =
    summary.offeredAfterOutage > 0 ? summary.exportedAfterOutage / summary.offeredAfterOutage : 0;
  return [
    check(
      'recovery-first',
      'After the outage: first span delivered ≤ 2 s after the store is back',
      first === null ? 'no span delivered before the end' : `${first.toFixed(2)} s`,
      first ?? Number.POSITIVE_INFINITY,
      2,
      true,
    ),
    check(
      'recovery-share',
      'After the outage: spans delivered in the window ≥ 95 % of the spans made in it',
      `${summary.exportedAfterOutage} delivered (backlog included) of ${summary.offeredAfterOutage} made`,
      share,
      0.95,
    ),
  ];
}

export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
