import { printableText } from '@agl/snapshot';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Outage } from '../feed.ts';
import { formatAge, formatSeconds, truncate } from '../format.ts';
import { h } from '../h.ts';

export interface BannerProps {
  outage: Outage;
  /** When the data still on screen was read; null when nothing was ever read. */
  dataTakenAt: number | null;
  now: number;
  width: number;
}

/** Border and padding around the banner's text. */
const FRAME_WIDTH = 4;

/** Text on at most two lines of the banner, broken at a space where possible. */
function twoLines(text: string, width: number): string[] {
  const inner = Math.max(10, width - FRAME_WIDTH);
  const chars = Array.from(printableText(text).replaceAll(/\s+/g, ' '));
  if (chars.length <= inner) return [chars.join('')];
  const space = chars.lastIndexOf(' ', inner);
  const cut = space > inner / 2 ? space : inner;
  const first = chars.slice(0, cut).join('');
  const rest = chars.slice(cut).join('').trimStart();
  return [first, truncate(rest, inner)];
}

/** Rows the banner takes, border included. */
export function bannerHeight(outage: Outage, width: number): number {
  return 3 + twoLines(outage.reason, width).length + twoLines(outage.hint, width).length;
}

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
    ...twoLines(outage.reason, width).map((line, index) =>
      h(Text, { key: `reason-${index}`, color: 'red', bold: true, wrap: 'truncate' }, line),
    ),
    ...twoLines(outage.hint, width).map((line, index) =>
      h(Text, { key: `hint-${index}`, dimColor: true, wrap: 'truncate' }, line),
    ),
    h(
      Text,
      { wrap: 'truncate' },
      `${retry} (${failures}${downFor(now - outage.since)}) · ${stale}`,
    ),
  );
}
