import type { RolloutSummary } from '@agl/snapshot';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { fit } from '../format.ts';
import { h } from '../h.ts';
import { COLUMN_SEPARATOR, cellText, titleLine } from '../rollout-cells.ts';
import { STATUS_COLORS } from '../status-style.ts';
import { type Column, layoutColumns } from '../table-layout.ts';

export interface RolloutTableProps {
  rollouts: readonly RolloutSummary[];
  selectedId: string | null;
  /** Rows available for rollouts (the column titles take one more). */
  height: number;
  width: number;
  now: number;
  /** Shown when there are no rows. */
  emptyText: string;
}

/** The first row index to draw so that `selected` stays inside a window of `height` rows. */
export function scrollOffset(selected: number, count: number, height: number): number {
  if (height <= 0 || count <= height) return 0;
  const centred = selected - Math.floor(height / 2);
  return Math.max(0, Math.min(count - height, centred));
}

function Row(props: {
  rollout: RolloutSummary;
  columns: Column[];
  selected: boolean;
  now: number;
}): ReactNode {
  const { rollout, columns, selected, now } = props;
  const cells = columns.map((column, index) => {
    const content = fit(cellText(column, rollout, now), column.width, column.align);
    const separator = index === 0 ? '' : COLUMN_SEPARATOR;
    if (column.id === 'status') {
      return h(
        Text,
        { key: column.id },
        separator,
        h(Text, { color: STATUS_COLORS[rollout.status] }, content),
      );
    }
    if (column.id === 'reward' && rollout.reward !== null) {
      return h(Text, { key: column.id }, separator, h(Text, { bold: true }, content));
    }
    return h(Text, { key: column.id }, separator + content);
  });
  return h(Text, { wrap: 'truncate', inverse: selected }, selected ? '› ' : '  ', ...cells);
}

/** The live rollout list: one line per rollout, the selected one highlighted. */
export function RolloutTable(props: RolloutTableProps): ReactNode {
  const { rollouts, selectedId, height, width, now, emptyText } = props;
  const columns = layoutColumns(width);
  const titles = `  ${titleLine(columns)}`;
  const selected = Math.max(
    0,
    rollouts.findIndex((rollout) => rollout.rolloutId === selectedId),
  );
  const offset = scrollOffset(selected, rollouts.length, height);
  const visible = rollouts.slice(offset, offset + Math.max(0, height));
  return h(
    Box,
    { flexDirection: 'column', width },
    h(Text, { bold: true, dimColor: true, wrap: 'truncate' }, titles),
    rollouts.length === 0
      ? h(Text, { dimColor: true }, `  ${emptyText}`)
      : visible.map((rollout) =>
          h(Row, {
            key: rollout.rolloutId,
            rollout,
            columns,
            selected: rollout.rolloutId === selectedId,
            now,
          }),
        ),
  );
}
