import type { ThroughputSample } from './types.ts';

/**
 * A bounded series of throughput samples. Each `record` turns the spans and finished rollouts
 * counted since the previous record into rates; the first record (and the first after `restart`)
 * only marks where counting begins.
 */
export class ThroughputSeries {
  readonly maxSamples: number;
  readonly #samples: ThroughputSample[] = [];
  #lastAt: number | null = null;

  constructor(maxSamples = 120) {
    if (!Number.isInteger(maxSamples) || maxSamples < 1) {
      throw new RangeError(`maxSamples must be a positive integer, got ${maxSamples}`);
    }
    this.maxSamples = maxSamples;
  }

  /** Returns the new sample, or null when this record only started the count. */
  record(at: number, spans: number, finishedRollouts: number): ThroughputSample | null {
    const lastAt = this.#lastAt;
    this.#lastAt = at;
    if (lastAt === null || at <= lastAt) return null;
    const elapsedMs = at - lastAt;
    const sample: ThroughputSample = {
      at,
      spansPerSecond: round(Math.max(0, spans) / (elapsedMs / 1000)),
      rolloutsPerMinute: round(Math.max(0, finishedRollouts) / (elapsedMs / 60_000)),
    };
    this.#samples.push(sample);
    if (this.#samples.length > this.maxSamples) this.#samples.shift();
    return sample;
  }

  /** Starts counting afresh (after a gap in which nothing could be counted); keeps past samples. */
  restart(): void {
    this.#lastAt = null;
  }

  /** Oldest first. */
  samples(): ThroughputSample[] {
    return [...this.#samples];
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
