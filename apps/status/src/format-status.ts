import {
  printableText,
  type RolloutSummary,
  type StoreSnapshot,
  type UnreachableSnapshot,
} from '@agl/snapshot';
import { STATUS_DISPLAY_ORDER } from './status-order.ts';

const count = (value: number | null): string =>
  value === null ? '–' : value.toLocaleString('en-US');

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatAgo(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** Stored text without escape codes, so that it cannot move the cursor or recolour the terminal. */
function clean(text: string, max = 60): string {
  const plain = printableText(text);
  return plain.length <= max ? plain : `${plain.slice(0, max - 1)}…`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((text, column) =>
        column === cells.length - 1 ? text : text.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function rolloutRow(rollout: RolloutSummary, now: number): string[] {
  const tokens =
    rollout.inputTokens === null && rollout.outputTokens === null
      ? '–'
      : `${count(rollout.inputTokens)}/${count(rollout.outputTokens)}`;
  return [
    rollout.rolloutId,
    clean(rollout.agent ?? '–', 24),
    rollout.status,
    formatAgo(rollout.startedAt, now),
    formatDuration(rollout.durationMs),
    count(rollout.spanCount),
    tokens,
    rollout.reward === null ? '–' : String(rollout.reward),
    clean(rollout.error ?? ''),
  ];
}

/** The human-readable status that `agl:status` prints. */
export function formatStatus(snapshot: StoreSnapshot, now: number): string {
  const byStatus = STATUS_DISPLAY_ORDER.map(
    (status) => `${status} ${count(snapshot.byStatus[status])}`,
  ).join(' · ');
  const { rewards } = snapshot;
  const rewardNote =
    rewards.checked < rewards.finished && rewards.withReward < rewards.target
      ? ` (checked ${count(rewards.checked)} of ${count(rewards.finished)} finished)`
      : rewards.withReward >= rewards.target
        ? ' (ready for training)'
        : '';
  const lines = [
    `AGL ${snapshot.dialect} at ${snapshot.endpoint}: reachable (${snapshot.latencyMs.toFixed(1)} ms)`,
    `Rollouts: ${count(snapshot.totalRollouts)} total · ${byStatus}`,
    `Spans:    ${snapshot.totalSpans === null ? 'not counted by this AGL version' : count(snapshot.totalSpans)}`,
    `Rewards:  ${count(rewards.withReward)} / ${count(rewards.target)} rewarded rollouts${rewardNote}`,
    '',
  ];
  if (snapshot.totalRollouts === 0) {
    lines.push('No rollouts yet.');
  } else if (snapshot.recent.length > 0) {
    lines.push(`Latest ${snapshot.recent.length} rollouts:`);
    lines.push(
      ...table(
        ['ROLLOUT', 'AGENT', 'STATUS', 'STARTED', 'DURATION', 'SPANS', 'TOKENS', 'REWARD', 'ERROR'],
        snapshot.recent.map((rollout) => rolloutRow(rollout, now)),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** What `agl:status` prints when AGL cannot be reached. */
export function formatUnreachable(snapshot: UnreachableSnapshot): string {
  return `${printableText(snapshot.reason)}\n${snapshot.hint}\n`;
}
