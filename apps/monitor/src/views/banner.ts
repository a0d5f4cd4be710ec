import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Outage } from '../feed.ts';
import { formatAge, formatSeconds } from '../format.ts';
import { h } from '../h.ts';

export interface BannerProps {
  outage: Outage;
  /** When the data still on screen was read; null when nothing was ever read. */
  dataTakenAt: number | null;
  now: number;
  width: number;
}

/** Rows the banner takes, border included. */
export const BANNER_HEIGHT = 5;

function downFor(ms: number): string {
  if (ms < 1_000) return 'down just now';
  return `down for ${formatSeconds(ms)}`;
}

/** Says the store is unreachable, why, what to do, and when the monitor tries again. */
export function OutageBanner({ outage, dataTakenAt, now, width }: BannerProps): ReactNode {
  const retry =
    outage.nextRetryAt === null
      ? 'retrying with backoff'
      : outage.nextRetryAt <= now
        ? 'retrying now'
        : `retrying in ${formatSeconds(Math.ceil((outage.nextRetryAt - now) / 1_000) * 1_000)}`;
  const failures =
    outage.failures === null
      ? ''
      : outage.failures === 1
        ? '1 failed try, '
        : `${outage.failures} failed tries, `;
  const stale =
    dataTakenAt === null ? 'no data yet' : `showing data from ${formatAge(dataTakenAt, now)}`;
  return h(
    Box,
    { borderStyle: 'round', borderColor: 'red', flexDirection: 'column', paddingX: 1, width },
    h(Text, { color: 'red', bold: true, wrap: 'truncate' }, outage.reason),
    h(Text, { wrap: 'truncate', dimColor: true }, outage.hint),
    h(
      Text,
      { wrap: 'truncate' },
      `${retry} (${failures}${downFor(now - outage.since)}) · ${stale}`,
    ),
  );
}
