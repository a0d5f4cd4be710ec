export type ColumnId =
  | 'id'
  | 'agent'
  | 'status'
  | 'started'
  | 'duration'
  | 'spans'
  | 'tokens'
  | 'reward';

export interface Column {
  id: ColumnId;
  title: string;
  width: number;
  align: 'start' | 'end';
}

interface ColumnSpec extends Column {
  /** Columns with a higher number are dropped first when the terminal is narrow; 0 never. */
  dropOrder: number;
}

const SPECS: readonly ColumnSpec[] = [
  { id: 'id', title: 'ROLLOUT', width: 15, align: 'start', dropOrder: 0 },
  { id: 'agent', title: 'AGENT', width: 10, align: 'start', dropOrder: 4 },
  { id: 'status', title: 'STATUS', width: 9, align: 'start', dropOrder: 0 },
  { id: 'started', title: 'STARTED', width: 7, align: 'end', dropOrder: 3 },
  { id: 'duration', title: 'DURATION', width: 8, align: 'end', dropOrder: 0 },
  { id: 'spans', title: 'SPANS', width: 5, align: 'end', dropOrder: 2 },
  { id: 'tokens', title: 'TOKENS', width: 9, align: 'end', dropOrder: 5 },
  { id: 'reward', title: 'REWARD', width: 6, align: 'end', dropOrder: 1 },
];

/** Space between columns. */
export const COLUMN_GAP = 2;
/** The selection marker in front of every row. */
export const ROW_PREFIX = 2;
const AGENT_MAX_WIDTH = 32;

function totalWidth(columns: readonly Column[]): number {
  return (
    ROW_PREFIX +
    columns.reduce((sum, column) => sum + column.width, 0) +
    COLUMN_GAP * Math.max(0, columns.length - 1)
  );
}

/**
 * The table's columns for a terminal `width` wide: optional columns are dropped until the rest
 * fits, then the agent column takes the spare room. Very narrow terminals shrink the id column.
 */
export function layoutColumns(width: number): Column[] {
  let columns: ColumnSpec[] = SPECS.map((spec) => ({ ...spec }));
  const dropping = [...SPECS]
    .filter((spec) => spec.dropOrder > 0)
    .sort((a, b) => b.dropOrder - a.dropOrder);
  for (const spec of dropping) {
    if (totalWidth(columns) <= width) break;
    columns = columns.filter((column) => column.id !== spec.id);
  }
  const spare = width - totalWidth(columns);
  const agent = columns.find((column) => column.id === 'agent');
  if (agent && spare > 0) agent.width += Math.min(spare, AGENT_MAX_WIDTH - agent.width);
  const id = columns.find((column) => column.id === 'id');
  if (id && spare < 0) id.width = Math.max(6, id.width + spare);
  return columns.map(({ dropOrder: _dropOrder, ...column }) => column);
}
