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
}

export type Contender = 'ceiling' | 'python-client' | 'python-tracer' | 'exporter';

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
  nsPerSpan: number;
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
}

export interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
  external: number;
  queued: number;
}

export interface MemoryResult {
  spansPerSecond: number;
  maxQueueSpans: number;
  maxQueueBytes: number;
  phases: { healthyEnd: number; outageEnd: number; end: number };
  baselineRss: number;
  baselineHeap: number;
  peakRss: number;
  peakHeap: number;
  outageEndRss: number;
  outageEndHeap: number;
  afterRecoveryRss: number;
  afterRecoveryHeap: number;
  /** Heap growth over the last third of the outage, per minute (0 when bounded). */
  heapSlopeBytesPerMinute: number;
  spansOffered: number;
  stats: Record<string, unknown>;
  samples: MemorySample[];
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
  pollIntervalMs: number;
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
