import type { SpanShape } from './agent-span.ts';

/** The agent span of a run as the exporter first sees it, with its trace id. */
export interface RunRoot extends SpanShape {
  traceId: string;
}

/** Decides whether a run becomes a rollout. Called once per run, when its root is first seen. */
export type RunSampler = (root: RunRoot) => boolean;

/**
 * The deterministic trace-id test of OpenTelemetry's `TraceIdRatioBasedSampler`: the four 32-bit
 * words of the trace id XOR-ed together, kept when below `rate` of the 32-bit range. Using the
 * same rule means that with the app's own `ParentBased(TraceIdRatioBased(r))` sampler at the same
 * rate, the runs we keep are exactly the traces the app records.
 */
export function traceIdBelowRate(traceId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (!(rate > 0) || !/^[0-9a-fA-F]{32}$/.test(traceId)) return false;
  let folded = 0;
  for (let offset = 0; offset < 32; offset += 8) {
    folded = (folded ^ Number.parseInt(traceId.slice(offset, offset + 8), 16)) >>> 0;
  }
  return folded < Math.floor(rate * 0xffffffff);
}

export interface RunSamplingOptions {
  /** Share of runs kept, 0…1. Default 1 (every run). */
  sampleRate?: number | undefined;
  /** Decides per run instead of the rate: return false to leave the run out. */
  sampleRun?: RunSampler | undefined;
}

export type SampleDecision = 'keep' | 'drop' | 'error';

/**
 * The sampling decision for one run. A throwing `sampleRun` keeps the run (`error`): a bug in the
 * sampler must not silently cost training data.
 */
export function decideRun(options: RunSamplingOptions, root: RunRoot): SampleDecision {
  if (options.sampleRun) {
    try {
      return options.sampleRun(root) === false ? 'drop' : 'keep';
    } catch {
      return 'error';
    }
  }
  const rate = options.sampleRate ?? 1;
  return traceIdBelowRate(root.traceId, rate) ? 'keep' : 'drop';
}

/** True when no run can be sampled out, so the per-run decision can be skipped entirely. */
export function keepsEveryRun(options: RunSamplingOptions): boolean {
  return options.sampleRun === undefined && (options.sampleRate ?? 1) >= 1;
}
