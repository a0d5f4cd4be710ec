import type { StoreProblem, StoreSnapshot, ThroughputSample } from '@agl/snapshot';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { meter } from '../bars.ts';
import type { MonitorState } from '../feed.ts';
import { formatCount, formatRate } from '../format.ts';
import { h } from '../h.ts';
import { rewardsText, statusGroups } from '../header-text.ts';
import { sparkline } from '../sparkline.ts';

export interface HeaderProps {
  state: MonitorState;
  width: number;
}

const OUTAGE_LABELS: Record<StoreProblem, string> = {
  unreachable: 'down',
  not_answering: 'not answering',
  error_answer: 'error',
  wrong_dialect: 'wrong AGL version',
};

/** Header rows, so the app can size the table below. */
export const HEADER_HEIGHT = 4;

function ServerLine({ state }: { state: MonitorState }): ReactNode {
  const { snapshot, outage, paused } = state;
  let health: ReactNode;
  if (outage)
    health = h(Text, { color: 'red' }, `● ${OUTAGE_LABELS[outage.problem ?? 'unreachable']}`);
  else if (snapshot)
    health = h(Text, { color: 'green' }, `● up ${Math.round(snapshot.latencyMs)}ms`);
  else health = h(Text, { color: 'yellow' }, '● connecting');
  return h(
    Box,
    {},
    h(
      Text,
      { wrap: 'truncate' },
      h(Text, { bold: true }, 'AGL monitor'),
      `  ${state.endpoint}  `,
      snapshot ? `AGL ${snapshot.dialect}  ` : '',
      health,
      paused ? h(Text, { color: 'black', backgroundColor: 'yellow' }, ' PAUSED ') : '',
    ),
  );
}

function StatusLine({ snapshot }: { snapshot: StoreSnapshot | null }): ReactNode {
  if (!snapshot) return h(Text, { dimColor: true }, 'rollouts -');
  const parts: ReactNode[] = [`rollouts ${formatCount(snapshot.totalRollouts)}`];
  for (const group of statusGroups(snapshot.byStatus)) {
    parts.push(
      '  ',
      h(
        Text,
        group.count > 0 ? { color: group.color } : { dimColor: true },
        `${group.label} ${group.count}`,
      ),
    );
  }
  if (snapshot.totalSpans !== null) parts.push(`  spans ${formatCount(snapshot.totalSpans)}`);
  return h(Text, { wrap: 'truncate' }, ...parts);
}

function ThroughputLine(props: { samples: readonly ThroughputSample[]; width: number }): ReactNode {
  const { samples, width } = props;
  const last = samples.at(-1);
  const spansNow = formatRate(last?.spansPerSecond ?? 0);
  const rolloutsNow = formatRate(last?.rolloutsPerMinute ?? 0);
  // "spans/s " + graph + " 12.3" + gap + "rollouts/min " + graph + " 4.5"
  const fixed = 8 + 1 + spansNow.length + 4 + 13 + 1 + rolloutsNow.length;
  const graphWidth = Math.max(4, Math.min(40, Math.floor((width - fixed) / 2)));
  return h(
    Text,
    { wrap: 'truncate' },
    'spans/s ',
    h(
      Text,
      { color: 'cyan' },
      sparkline(
        samples.map((s) => s.spansPerSecond),
        graphWidth,
      ),
    ),
    ` ${spansNow}    rollouts/min `,
    h(
      Text,
      { color: 'magenta' },
      sparkline(
        samples.map((s) => s.rolloutsPerMinute),
        graphWidth,
      ),
    ),
    ` ${rolloutsNow}`,
  );
}

function RewardsLine(props: { snapshot: StoreSnapshot | null; width: number }): ReactNode {
  const { snapshot, width } = props;
  if (!snapshot) return h(Text, { dimColor: true }, 'rewards -');
  const { withReward, target } = snapshot.rewards;
  const ready = withReward >= target;
  const label = ` ${rewardsText(snapshot.rewards)}`;
  const barWidth = Math.max(5, Math.min(30, width - 8 - label.length - 16));
  return h(
    Text,
    { wrap: 'truncate' },
    'rewards ',
    h(Text, { color: ready ? 'green' : 'yellow' }, meter(withReward, target, barWidth)),
    label,
    ready ? h(Text, { color: 'green' }, '  ready to train') : '',
  );
}

/** Server, health, rollouts by status, throughput sparklines and rewards readiness. */
export function Header({ state, width }: HeaderProps): ReactNode {
  return h(
    Box,
    { flexDirection: 'column', width },
    h(ServerLine, { state }),
    h(StatusLine, { snapshot: state.snapshot }),
    h(ThroughputLine, { samples: state.throughput, width }),
    h(RewardsLine, { snapshot: state.snapshot, width }),
  );
}
