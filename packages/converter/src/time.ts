import type { HrTime } from '@opentelemetry/api';

/** Later than this (year 5138) is not a plausible epoch time in seconds. */
const MAX_EPOCH_SECONDS = 1e11;

/**
 * Epoch seconds as a float, or null for a zero or missing time (as Python's
 * `convert_timestamp` gives None for 0) and for a malformed one (negative, not finite, or past
 * the year 5138), which an SDK never produces. `seconds + nanos / 1e9` is the correctly rounded
 * value of the exact nanosecond count over 1e9, which is what Python's `ns / 1_000_000_000`
 * yields: the first rounding is far below the spacing of doubles near 1.7e9, and the only
 * values that could tie are exact multiples of 1/512 s, where both sides are exact.
 */
export function hrTimeToSeconds(time: HrTime | undefined): number | null {
  if (!Array.isArray(time)) return null;
  const [seconds, nanos] = time;
  if (typeof seconds !== 'number' || typeof nanos !== 'number') return null;
  const value = seconds + nanos / 1e9;
  if (!Number.isFinite(value) || value <= 0 || value > MAX_EPOCH_SECONDS) return null;
  return value;
}
