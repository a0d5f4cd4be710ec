const TICKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * The last `width` values as a sparkline, scaled from zero to the largest value shown.
 * Shorter series are padded on the left with blanks so the newest value is always at the right.
 */
export function sparkline(values: readonly number[], width: number): string {
  if (width <= 0) return '';
  const shown = values
    .slice(-width)
    .map((value) => (Number.isFinite(value) ? Math.max(0, value) : 0));
  const max = Math.max(0, ...shown);
  const ticks = shown.map((value) => {
    if (max === 0) return TICKS[0];
    const index = Math.min(TICKS.length - 1, Math.round((value / max) * (TICKS.length - 1)));
    return TICKS[index];
  });
  return ' '.repeat(width - ticks.length) + ticks.join('');
}
