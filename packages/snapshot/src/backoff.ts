/** Poll delay after `failures` failed polls in a row: the interval, doubled per failure, capped. */
export function pollDelay(failures: number, intervalMs: number, maxBackoffMs: number): number {
  if (failures <= 0) return intervalMs;
  return Math.min(Math.max(intervalMs, maxBackoffMs), intervalMs * 2 ** Math.min(failures, 30));
}
