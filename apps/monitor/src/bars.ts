/** A horizontal meter `█████░░░░░` for `part` of `whole`, exactly `width` cells. */
export function meter(part: number, whole: number, width: number): string {
  if (width <= 0) return '';
  const ratio = whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0;
  let filled = Math.round(ratio * width);
  // Anything above zero shows at least one cell, and only a full meter fills every cell.
  if (ratio > 0 && filled === 0) filled = 1;
  if (ratio < 1 && filled === width) filled = width - 1;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/**
 * A waterfall bar: the span's time window placed on a track of `width` cells that covers
 * `totalMs`. Every span gets at least one cell so short spans stay visible.
 */
export function timelineBar(
  offsetMs: number,
  durationMs: number,
  totalMs: number,
  width: number,
): string {
  if (width <= 0) return '';
  if (totalMs <= 0) return '█'.padEnd(width, ' ');
  const clampedOffset = Math.min(Math.max(0, offsetMs), totalMs);
  let start = Math.floor((clampedOffset / totalMs) * width);
  if (start >= width) start = width - 1;
  const end = Math.max(
    start + 1,
    Math.round(((clampedOffset + Math.max(0, durationMs)) / totalMs) * width),
  );
  const length = Math.min(width, end) - start;
  return ' '.repeat(start) + '█'.repeat(length) + ' '.repeat(width - start - length);
}
