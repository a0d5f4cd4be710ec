import type { OutageSample } from './memory/outage-case.ts';
import type { MemorySummary, OutagePhases } from './memory/summarize.ts';
import type { BenchPlan } from './plan.ts';
import type { Distribution } from './stats.ts';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  kernel: string;
  node: string;
  python: string;
  aglVersions: string[];
  /** 1-minute load average when the run started and ended: other work on the machine. */
  loadAverageStart: number;
  loadAverageEnd: number;
  /** The exporter, client and converter sources measured. */
  source: { commit: string; localChanges: boolean };
}

export type Contender = 'ceiling' | 'python-client' | 'python-tracer' | 'exporter' | 'otel';

export interface ThroughputCase {
  id: string;
  contender: Contender;
  label: string;
  /** What the contender does per span, in words. */
  how: string;
  spans: number;
  /** Spans found in the store afterwards. */
  stored: number;
  seconds: number;
  spansPerSecond: number;
  /** CPU the `agl store` process used while measured, and its share of one core. */
  serverCpuSeconds: number;
  serverCpuShare: number;
  clientCpuSeconds?: number;
  extra?: Record<string, unknown>;
}

export interface CeilingSweepPoint {
  connections: number;
  spans: number;
  spansPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export interface VersionThroughput {
  version: string;
  cases: ThroughputCase[];
  ceilingSweep: CeilingSweepPoint[];
}

export interface HotPathCase {
  id: string;
  label: string;
  inRun: boolean;
  /** Median iteration time per span (robust to GC pauses and other load on the machine). */
  nsPerSpan: number;
  meanNsPerSpan: number;
  /** Relative margin of error (%) of the mean. */
  rme: number;
  samples: number;
}

export interface HotPathResult {
  cases: HotPathCase[];
  /** CPU per span including background work (drain, conversion, delivery) over a fixed workload. */
  totalCpu: Array<{
    id: string;
    label: string;
    nsPerSpan: number;
    spans: number;
    exported: number;
  }>;
  /** The AGL processor's counters at the end of its timed part. */
  aglStats: Record<string, unknown> | null;
}

export interface MemoryResult {
  spansPerSecond: number;
  healthySeconds: number;
  outageSeconds: number;
  recoverySeconds: number;
  maxQueueSpans: number;
  maxQueueBytes: number;
  /** How the store failed: `stall` holds every byte (connections open, no answers). */
  outage: 'stall';
  phases: OutagePhases;
  summary: MemorySummary;
  spansOffered: number;
  /** The exporter's counters at the end. */
  stats: Record<string, unknown>;
  samples: OutageSample[];
}

export interface LatencyResult {
  version: string;
  transport: string;
  spansPerSecond: number;
  runs: number;
  sampledSpans: number;
  missing: number;
  /** Span end → visible in a `querySpans` answer, in ms. */
  readable: Distribution;
  /** Mean time between two looks at the same rollout (the resolution of the measurement). */
  pollIntervalMs: number;
  /** The store's health route asked every 10 ms from another process during the case. */
  storeHealthMs: Distribution;
  storeStallsOver100Ms: number;
  /** How late the app's event loop ran (monitorEventLoopDelay). */
  appEventLoopDelayMs: { p99: number; max: number };
  /** [position in the run's end order, template index, latency ms, ms since start]. */
  slowestSpans: Array<[number, number, number, number]>;
  exported: number;
  retried: number;
  dropped: number;
  lastError: string | null;
}

export interface BenchResults {
  generatedAt: string;
  quick: boolean;
  machine: MachineInfo;
  plan: BenchPlan;
  throughput: VersionThroughput[];
  hotPath: HotPathResult | null;
  memory: MemoryResult | null;
  latency: LatencyResult[];
  durationSeconds: number;
}
