import { printableText, type RolloutSummary } from '@agl/snapshot';
import {
  fit,
  formatAge,
  formatCount,
  formatDuration,
  formatReward,
  formatTokens,
} from './format.ts';
import { COLUMN_GAP, type Column } from './table-layout.ts';

/**
 * Duration so far for unfinished rollouts, measured with the screen's clock so that it ticks and
 * agrees with the "started" column; the recorded duration for finished ones.
 */
export function liveDurationMs(rollout: RolloutSummary, now: number): number {
  if (rollout.endedAt !== null) return rollout.durationMs;
  return Math.max(0, now - rollout.startedAt);
}

/** The text of one table cell (not yet fitted to the column). */
export function cellText(column: Column, rollout: RolloutSummary, now: number): string {
  switch (column.id) {
    case 'id':
      return printableText(rollout.rolloutId);
    case 'agent':
      return rollout.agent === null ? '-' : printableText(rollout.agent);
    case 'status':
      return rollout.status;
    case 'started':
      return formatAge(rollout.startedAt, now);
    case 'duration':
      return formatDuration(liveDurationMs(rollout, now));
    case 'spans':
      return formatCount(rollout.spanCount);
    case 'tokens':
      return formatTokens(rollout.inputTokens, rollout.outputTokens);
    case 'reward':
      return formatReward(rollout.reward);
  }
}

export const COLUMN_SEPARATOR = ' '.repeat(COLUMN_GAP);

/** The column titles, fitted and joined. */
export function titleLine(columns: readonly Column[]): string {
  return columns
    .map((column) => fit(column.title, column.width, column.align))
    .join(COLUMN_SEPARATOR);
}

/** One rollout as plain text, fitted and joined. */
export function rowLine(columns: readonly Column[], rollout: RolloutSummary, now: number): string {
  return columns
    .map((column) => fit(cellText(column, rollout, now), column.width, column.align))
    .join(COLUMN_SEPARATOR);
}
