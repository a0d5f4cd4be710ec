import type { OutageSample } from './outage-case.ts';

export interface OutagePhases {
  /** Epoch ms: generation started, the store stalled, the store came back, the end. */
  start: number;
  outageStart: number;
  outageEnd: number;
  end: number;
}

export interface MemorySummary {
  /** Retained heap (after a full GC) and RSS in healthy operation, just before the outage. */
  baselineRetainedHeap: number;
  baselineRss: number;
  /** Highest values from the outage start to the end. */
  peakRss: number;
  peakHeapUsed: number;
  peakRetainedHeap: number;
  /** Retained heap at the end of the outage minus the baseline. */
  outageGrowth: number;
  /** Least-squares slope of the retained heap over the second half of the outage. */
  retainedSlopePerMinute: number;
  afterRecoveryRetainedHeap: number;
  afterRecoveryRss: number;
  peakQueued: number;
  /** Seconds from the store's return to the first span delivered; null: none before the end. */
  firstDeliveryAfterOutageSeconds: number | null;
  /** Spans the app made after the store came back, and how many spans were delivered then. */
  offeredAfterOutage: number;
  exportedAfterOutage: number;
  /** Rollouts finished after the store came back (each run's spans delivered or dropped). */
  rolloutsFinishedAfterOutage: number;
  /** Time after the store came back with spans queued but no span delivery in flight. */
  stalledWithQueuedSeconds: number;
}

/** Slope in units per minute of y over t (ms), least squares; 0 with fewer than two points. */
export function slopePerMinute(points: ReadonlyArray<{ t: number; y: number }>): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const meanT = points.reduce((s, p) => s + p.t, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - meanT) * (p.y - meanY);
    den += (p.t - meanT) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60_000;
}

function last<T>(items: readonly T[], fallback: T): T {
  return items.at(-1) ?? fallback;
}

/** Reduces the samples of an outage run to the numbers the report compares with the bound. */
export function summarizeOutage(
  samples: readonly OutageSample[],
  phases: OutagePhases,
): MemorySummary {
  if (samples.length === 0) throw new Error('no memory samples');
  const first = samples[0] as OutageSample;
  const gcSamples = samples.filter((s) => s.retainedHeap !== null);
  const healthy = gcSamples.filter((s) => s.at < phases.outageStart);
  const duringOutage = gcSamples.filter(
    (s) => s.at >= phases.outageStart && s.at < phases.outageEnd,
  );
  const fromOutage = samples.filter((s) => s.at >= phases.outageStart);
  const baseline = last(healthy, first);
  const outageEnd = last(duringOutage, baseline);
  const secondHalf = duringOutage.filter(
    (s) => s.at >= (phases.outageStart + phases.outageEnd) / 2,
  );
  const end = last(gcSamples, last(samples, first));
  const atReturn = last(
    samples.filter((s) => s.at <= phases.outageEnd),
    first,
  );
  const finalSample = last(samples, first);
  const firstDelivery = samples.find(
    (s) => s.at > phases.outageEnd && s.exported > atReturn.exported,
  );
  let stalledMs = 0;
  for (let i = 1; i < samples.length; i++) {
    const current = samples[i] as OutageSample;
    const previous = samples[i - 1] as OutageSample;
    if (previous.at < phases.outageEnd) continue;
    if (current.queued > 0 && current.inFlight === 0 && current.exported === previous.exported) {
      stalledMs += current.at - previous.at;
    }
  }
  return {
    baselineRetainedHeap: baseline.retainedHeap ?? baseline.heapUsed,
    baselineRss: baseline.rss,
    peakRss: Math.max(...fromOutage.map((s) => s.rss)),
    peakHeapUsed: Math.max(...fromOutage.map((s) => s.heapUsed)),
    peakRetainedHeap: Math.max(...duringOutage.map((s) => s.retainedHeap ?? 0), 0),
    outageGrowth:
      (outageEnd.retainedHeap ?? outageEnd.heapUsed) - (baseline.retainedHeap ?? baseline.heapUsed),
    retainedSlopePerMinute: slopePerMinute(
      secondHalf.map((s) => ({ t: s.at, y: s.retainedHeap ?? 0 })),
    ),
    afterRecoveryRetainedHeap: end.retainedHeap ?? end.heapUsed,
    afterRecoveryRss: end.rss,
    peakQueued: Math.max(...samples.map((s) => s.queued)),
    firstDeliveryAfterOutageSeconds: firstDelivery
      ? (firstDelivery.at - phases.outageEnd) / 1000
      : null,
    offeredAfterOutage: finalSample.spansOffered - atReturn.spansOffered,
    exportedAfterOutage: finalSample.exported - atReturn.exported,
    rolloutsFinishedAfterOutage: finalSample.rolloutsFinished - atReturn.rolloutsFinished,
    stalledWithQueuedSeconds: stalledMs / 1000,
  };
}
