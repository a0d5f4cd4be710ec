import type { Attempt } from '@agl/client';
import { printableText, type RolloutDetail, type RolloutSummary } from '@agl/snapshot';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { timelineBar } from '../bars.ts';
import { fit, formatAge, formatDuration, formatReward, formatTokens } from '../format.ts';
import { h } from '../h.ts';
import { liveDurationMs } from '../rollout-cells.ts';
import { type FlatSpan, flattenTree, spanFacts, treeExtentMs } from '../span-facts.ts';
import { attemptStatusColor, STATUS_COLORS } from '../status-style.ts';

export interface RolloutDetailProps {
  rolloutId: string;
  detail: RolloutDetail | null;
  /** Set when loading failed; the last detail (if any) stays on screen. */
  error: string | null;
  /** First span row shown (the app scrolls it with ↑/↓). */
  scroll: number;
  width: number;
  height: number;
  now: number;
}

/** Attempts listed in full; older ones are summed up in one line. */
const MAX_ATTEMPTS_SHOWN = 5;

/** Lines the detail view needs besides the span rows (title, summary, headings, attempts). */
export function detailChromeHeight(detail: RolloutDetail | null, error: string | null): number {
  if (!detail) return 2;
  const attempts = Math.min(detail.attempts.length, MAX_ATTEMPTS_SHOWN + 1);
  const extras = (detail.summary.error ? 1 : 0) + (error ? 1 : 0);
  return 7 + Math.max(1, attempts) + extras;
}

function describeFacts(flat: FlatSpan): string {
  const facts = spanFacts(flat.node.span);
  const parts: string[] = [];
  if (facts.agent && flat.node.span.name.includes('agent')) parts.push(`agent ${facts.agent}`);
  if (facts.model) parts.push(`model ${facts.model}`);
  if (facts.inputTokens !== null || facts.outputTokens !== null) {
    parts.push(`tokens ${formatTokens(facts.inputTokens, facts.outputTokens)}`);
  }
  if (facts.tool) parts.push(`tool ${facts.tool}`);
  if (facts.reward !== null) parts.push(`reward ${formatReward(facts.reward)}`);
  return parts.join(' · ');
}

function SummaryLines({ summary, now }: { summary: RolloutSummary; now: number }): ReactNode {
  const parts = [
    `started ${formatAge(summary.startedAt, now)}`,
    `duration ${formatDuration(liveDurationMs(summary, now))}`,
    `${summary.attempts} attempt${summary.attempts === 1 ? '' : 's'}`,
    summary.spanCount === 1 ? '1 span' : `${summary.spanCount ?? '-'} spans`,
    `tokens ${formatTokens(summary.inputTokens, summary.outputTokens)}`,
    `reward ${formatReward(summary.reward)}`,
  ];
  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, { wrap: 'truncate' }, parts.join(' · ')),
    summary.error
      ? h(Text, { color: 'red', wrap: 'truncate' }, `error: ${printableText(summary.error)}`)
      : null,
  );
}

function AttemptRow({ attempt, now }: { attempt: Attempt; now: number }): ReactNode {
  const startMs = attempt.start_time * 1_000;
  const endMs = attempt.end_time === null ? now : attempt.end_time * 1_000;
  return h(
    Text,
    { wrap: 'truncate' },
    `  #${attempt.sequence_id}  ${attempt.attempt_id}  `,
    h(Text, { color: attemptStatusColor(attempt.status) }, fit(attempt.status, 12)),
    `  worker ${printableText(attempt.worker_id ?? '-')}  started ${formatAge(startMs, now)}  ${formatDuration(endMs - startMs)}`,
  );
}

interface SpanColumns {
  name: number;
  bar: number;
  duration: number;
}

function spanColumns(width: number): SpanColumns {
  const name = Math.max(16, Math.min(40, Math.floor(width * 0.3)));
  const bar = Math.max(8, Math.min(40, Math.floor(width * 0.25)));
  return { name, bar, duration: 8 };
}

function SpanRow(props: { flat: FlatSpan; columns: SpanColumns; extentMs: number }): ReactNode {
  const { flat, columns, extentMs } = props;
  const { node, depth } = flat;
  const error = spanFacts(node.span).error;
  const label = fit(`${'  '.repeat(depth)}${printableText(node.span.name)}`, columns.name);
  return h(
    Text,
    { wrap: 'truncate' },
    '  ',
    h(Text, error ? { color: 'red' } : {}, label),
    ' ',
    h(
      Text,
      { color: error ? 'red' : 'cyan' },
      timelineBar(node.offsetMs, node.durationMs, extentMs, columns.bar),
    ),
    ' ',
    fit(formatDuration(node.durationMs), columns.duration, 'end'),
    '  ',
    describeFacts(flat),
    error ? h(Text, { color: 'red' }, `${describeFacts(flat) ? ' · ' : ''}error: ${error}`) : '',
  );
}

/** One rollout: summary, attempts, and its span tree drawn as a timeline. */
export function RolloutDetailView(props: RolloutDetailProps): ReactNode {
  const { rolloutId, detail, error, scroll, width, height, now } = props;
  const status = detail?.summary.status;
  const title = h(
    Text,
    { wrap: 'truncate' },
    h(Text, { bold: true }, `Rollout ${rolloutId}`),
    status ? '  ' : '',
    status ? h(Text, { color: STATUS_COLORS[status] }, status) : '',
    detail?.summary.agent ? `  agent ${printableText(detail.summary.agent)}` : '',
    detail?.rollout.mode ? `  mode ${detail.rollout.mode}` : '',
  );
  if (!detail) {
    return h(
      Box,
      { flexDirection: 'column', width },
      title,
      error
        ? h(Text, { color: 'red', wrap: 'truncate' }, `Could not load this rollout: ${error}`)
        : h(Text, { dimColor: true }, 'Loading…'),
    );
  }
  const flat = flattenTree(detail.tree);
  const extentMs = treeExtentMs(flat);
  const columns = spanColumns(width);
  const rows = Math.max(1, height - detailChromeHeight(detail, error));
  const hiddenAttempts = Math.max(0, detail.attempts.length - MAX_ATTEMPTS_SHOWN);
  const first = Math.max(0, Math.min(scroll, Math.max(0, flat.length - rows)));
  const shown = flat.slice(first, first + rows);
  const more = flat.length - first - shown.length;
  return h(
    Box,
    { flexDirection: 'column', width },
    title,
    h(SummaryLines, { summary: detail.summary, now }),
    error ? h(Text, { color: 'yellow', wrap: 'truncate' }, `refresh failed: ${error}`) : null,
    h(Box, { marginTop: 1 }, h(Text, { bold: true, dimColor: true }, 'ATTEMPTS')),
    detail.attempts.length === 0 ? h(Text, { dimColor: true }, '  none') : null,
    hiddenAttempts > 0
      ? h(
          Text,
          { dimColor: true },
          `  … ${hiddenAttempts} earlier attempt${hiddenAttempts === 1 ? '' : 's'}`,
        )
      : null,
    detail.attempts
      .slice(hiddenAttempts)
      .map((attempt) => h(AttemptRow, { key: attempt.attempt_id, attempt, now })),
    h(
      Box,
      { marginTop: 1 },
      h(
        Text,
        { bold: true, dimColor: true, wrap: 'truncate' },
        `SPANS (${flat.length})`,
        first > 0 ? `  ↑ ${first} more` : '',
        more > 0 ? `  ↓ ${more} more` : '',
      ),
    ),
    flat.length === 0
      ? h(Text, { dimColor: true }, '  no spans yet')
      : shown.map((item) =>
          h(SpanRow, {
            key: `${item.node.span.span_id}:${item.node.span.sequence_id}`,
            flat: item,
            columns,
            extentMs,
          }),
        ),
  );
}
