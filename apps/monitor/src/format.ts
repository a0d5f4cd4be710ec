// Pure text formatting for the monitor's cells: durations, ages, counts, rewards, fitting.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A compact duration: `850ms`, `4.2s`, `42s`, `3m05s`, `2h05m`, `3d04h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < SECOND) return `${Math.round(ms)}ms`;
  if (ms < 10 * SECOND) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)}s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m${twoDigits(Math.floor(ms / SECOND) % 60)}s`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h${twoDigits(Math.floor(ms / MINUTE) % 60)}m`;
  return `${Math.floor(ms / DAY)}d${twoDigits(Math.floor(ms / HOUR) % 24)}h`;
}

/** A duration in whole seconds for countdowns and outages: `0s`, `9s`, `3m05s`, `2h05m`. */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)}s`;
  return formatDuration(ms);
}

/** How long ago `thenMs` was, seen from `nowMs`: `now`, `5s ago`, `3m ago`, `2h ago`, `4d ago`. */
export function formatAge(thenMs: number, nowMs: number): string {
  const ms = nowMs - thenMs;
  if (!Number.isFinite(ms)) return '-';
  if (ms < SECOND) return 'now';
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)}s ago`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ago`;
  return `${Math.floor(ms / DAY)}d ago`;
}

/** A count in at most 5 characters: `999`, `1.2k`, `12k`, `123k`, `1.2M`. */
export function formatCount(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '-';
  const abs = Math.abs(value);
  if (abs < 1_000) return String(Math.round(value));
  if (abs < 10_000) return `${trimZeros((value / 1_000).toFixed(1))}k`;
  if (abs < 1_000_000) return `${Math.round(value / 1_000)}k`;
  if (abs < 10_000_000) return `${trimZeros((value / 1_000_000).toFixed(1))}M`;
  return `${Math.round(value / 1_000_000)}M`;
}

/** Input/output tokens as `in/out`; `-` when neither is known. */
export function formatTokens(input: number | null, output: number | null): string {
  if (input === null && output === null) return '-';
  return `${formatCount(input)}/${formatCount(output)}`;
}

/** A reward with up to three decimals and no trailing zeros: `1`, `0.5`, `0.875`. */
export function formatReward(reward: number | null): string {
  if (reward === null || !Number.isFinite(reward)) return '-';
  const text = trimZeros(reward.toFixed(3));
  return text === '-0' ? '0' : text;
}

/** A rate with one decimal below 100 (`0`, `2.5`, `37`, `1.2k`). */
export function formatRate(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '0';
  if (value < 100) return trimZeros(value.toFixed(1));
  return formatCount(value);
}

/** Cuts `text` to `width` characters, ending in `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return `${chars.slice(0, width - 1).join('')}…`;
}

/**
 * Exactly `width` characters: line breaks and tabs become spaces, then the text is truncated and
 * padded on the right (or on the left for `end`).
 */
export function fit(text: string, width: number, align: 'start' | 'end' = 'start'): string {
  const cut = truncate(text.replaceAll(/[\r\n\t\v\f]/g, ' '), width);
  const padding = ' '.repeat(Math.max(0, width - Array.from(cut).length));
  return align === 'end' ? padding + cut : cut + padding;
}

/** Percentage with no decimals, clamped to 0–100. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.min(100, Math.max(0, Math.floor((part / whole) * 100)))}%`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
