import type { StoreSnapshot } from '@agl/snapshot';
import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration, formatStatus, formatUnreachable } from './format-status.ts';

const NOW = 1_750_000_000_000;

function snapshot(overrides: Partial<StoreSnapshot> = {}): StoreSnapshot {
  return {
    endpoint: 'http://127.0.0.1:4747',
    dialect: '0.3',
    reachable: true,
    latencyMs: 2.345,
    takenAt: NOW,
    totalRollouts: 1234,
    totalSpans: 5678,
    byStatus: {
      queuing: 1,
      preparing: 0,
      running: 2,
      requeuing: 0,
      succeeded: 1200,
      failed: 30,
      cancelled: 1,
    },
    recent: [
      {
        rolloutId: 'ro-aaaaaaaaaaaa',
        agent: 'calc',
        status: 'succeeded',
        mode: 'train',
        startedAt: NOW - 5_000,
        endedAt: NOW - 2_000,
        durationMs: 3_000,
        attempts: 1,
        spanCount: 4,
        inputTokens: 120,
        outputTokens: 30,
        reward: 0.75,
        error: null,
      },
      {
        rolloutId: 'ro-bbbbbbbbbbbb',
        agent: null,
        status: 'failed',
        mode: null,
        startedAt: NOW - 120_000,
        endedAt: NOW - 60_000,
        durationMs: 60_000,
        attempts: 2,
        spanCount: null,
        inputTokens: null,
        outputTokens: null,
        reward: null,
        error: 'bad\u001b[31m things\nhappened',
      },
    ],
    rewards: { withReward: 320, target: 500, checked: 1000, finished: 1231 },
    ...overrides,
  };
}

describe('formatStatus', () => {
  it('prints the summary lines and a table of the latest rollouts', () => {
    const text = formatStatus(snapshot(), NOW);
    expect(text).toContain('AGL 0.3 at http://127.0.0.1:4747: reachable (2.3 ms)');
    expect(text).toContain('Rollouts: 1,234 total · queuing 1 · preparing 0 · running 2');
    expect(text).toContain('Spans:    5,678');
    expect(text).toContain(
      'Rewards:  320 / 500 rewarded rollouts (checked 1,000 of 1,231 finished)',
    );
    const lines = text.split('\n');
    const header = lines.findIndex((line) => line.startsWith('ROLLOUT'));
    expect(lines[header + 1]).toMatch(
      /^ro-aaaaaaaaaaaa\s+calc\s+succeeded\s+5 s ago\s+3\.0 s\s+4\s+120\/30\s+0\.75$/,
    );
    expect(lines[header + 2]).toMatch(
      /^ro-bbbbbbbbbbbb\s+–\s+failed\s+2 min ago\s+1 min 0 s\s+–\s+–\s+–\s+bad/,
    );
  });

  it('strips control characters from stored text', () => {
    expect(formatStatus(snapshot(), NOW)).not.toContain('\u001b');
  });

  it('says when the store counts no spans, is empty, or is ready for training', () => {
    const text = formatStatus(
      snapshot({
        totalSpans: null,
        totalRollouts: 0,
        recent: [],
        rewards: { withReward: 600, target: 500, checked: 600, finished: 900 },
      }),
      NOW,
    );
    expect(text).toContain('not counted by this AGL version');
    expect(text).toContain('No rollouts yet.');
    expect(text).toContain('(ready for training)');
  });
});

describe('formatStatus with no rollouts asked for', () => {
  it('does not call a store with rollouts empty', () => {
    const text = formatStatus(snapshot({ totalRollouts: 108, recent: [] }), NOW);
    expect(text).not.toContain('No rollouts yet.');
    expect(text).toContain('Rollouts: 108 total');
  });
});

describe('formatting helpers', () => {
  it('formats durations and ages', () => {
    expect([450, 2_500, 42_000, 125_000, 7_500_000].map(formatDuration)).toEqual([
      '450 ms',
      '2.5 s',
      '42 s',
      '2 min 5 s',
      '2 h 5 min',
    ]);
    expect(formatAgo(NOW - 3_000, NOW)).toBe('3 s ago');
    expect(formatAgo(NOW - 7_200_000, NOW)).toBe('2 h ago');
  });

  it('prints the reason and the hint when AGL is unreachable', () => {
    expect(
      formatUnreachable({
        endpoint: 'x',
        reachable: false,
        problem: 'unreachable',
        takenAt: 0,
        reason: 'down',
        hint: 'start it',
      }),
    ).toBe('down\nstart it\n');
  });
});
