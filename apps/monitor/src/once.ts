import type { StoreSnapshot } from '@agl/snapshot';
import { formatCount } from './format.ts';
import { rewardsText, statusGroups } from './header-text.ts';
import { rowLine, titleLine } from './rollout-cells.ts';
import { layoutColumns } from './table-layout.ts';

export interface SnapshotTextOptions {
  /** Line width; columns that do not fit are left out. */
  width: number;
  /** Epoch ms for ages and running durations. */
  now: number;
}

/** One snapshot as plain text (no colour, no cursor control) for pipes, logs and CI. */
export function snapshotText(snapshot: StoreSnapshot, options: SnapshotTextOptions): string {
  const { width, now } = options;
  const groups = statusGroups(snapshot.byStatus)
    .map((group) => `${group.label} ${group.count}`)
    .join('  ');
  const spans = snapshot.totalSpans === null ? '' : `  spans ${formatCount(snapshot.totalSpans)}`;
  const lines = [
    `AGL monitor  ${snapshot.endpoint}  AGL ${snapshot.dialect}  up ${Math.round(snapshot.latencyMs)}ms  at ${new Date(snapshot.takenAt).toISOString()}`,
    `rollouts ${formatCount(snapshot.totalRollouts)}  ${groups}${spans}`,
    `rewards ${rewardsText(snapshot.rewards)}`,
    '',
  ];
  if (snapshot.totalRollouts === 0) {
    lines.push('No rollouts yet.');
  } else if (snapshot.recent.length > 0) {
    // Row prefix of the live view is the selection marker; plain text does not need it.
    const columns = layoutColumns(width + 2);
    lines.push(titleLine(columns));
    for (const rollout of snapshot.recent) lines.push(rowLine(columns, rollout, now));
  }
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
