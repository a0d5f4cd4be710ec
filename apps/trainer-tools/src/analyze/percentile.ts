/** Nearest-rank percentile of ascending `sorted` values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export interface HistogramBin {
  /** Inclusive. */
  from: number;
  /** Exclusive, except for the last bin. */
  to: number;
  count: number;
}

/**
 * Counts values into `bins` equal bins over [0, 1] (rewards usually live there), widened to the
 * values' own range when some fall outside.
 */
export function histogram(values: readonly number[], bins = 10): HistogramBin[] {
  if (values.length === 0) return [];
  let low = 0;
  let high = 1;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const span = high - low;
  const width = span / bins;
  const result = Array.from({ length: bins }, (_, index) => ({
    from: round(low + index * width),
    to: round(low + (index + 1) * width),
    count: 0,
  }));
  for (const value of values) {
    // Multiply before dividing: 0.3 / 0.1 is 2.9999999999999996 in floating point.
    const index = Math.min(bins - 1, Math.floor(((value - low) * bins) / span + 1e-9));
    (result[index] as HistogramBin).count += 1;
  }
  return result;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
