import { describe, expect, it } from 'vitest';
import { NOW, summary } from '../test/fixtures.ts';
import { applyChanges } from './rollout-list.ts';

const ids = (list: { rolloutId: string }[]) => list.map((rollout) => rollout.rolloutId);

describe('applyChanges', () => {
  const list = [
    summary({ rolloutId: 'ro-b', startedAt: NOW - 1_000 }),
    summary({ rolloutId: 'ro-a', startedAt: NOW - 2_000 }),
  ];

  it('adds new rollouts in start order, newest first', () => {
    const next = applyChanges(
      list,
      [
        summary({ rolloutId: 'ro-c', startedAt: NOW }),
        summary({ rolloutId: 'ro-0', startedAt: NOW - 9_000 }),
      ],
      10,
    );
    expect(ids(next)).toEqual(['ro-c', 'ro-b', 'ro-a', 'ro-0']);
  });

  it('replaces a known rollout in place', () => {
    const next = applyChanges(
      list,
      [summary({ rolloutId: 'ro-a', startedAt: NOW - 2_000, status: 'failed' })],
      10,
    );
    expect(ids(next)).toEqual(['ro-b', 'ro-a']);
    expect(next[1]?.status).toBe('failed');
  });

  it('keeps the newest rollouts up to the limit', () => {
    const next = applyChanges(list, [summary({ rolloutId: 'ro-c', startedAt: NOW })], 2);
    expect(ids(next)).toEqual(['ro-c', 'ro-b']);
  });

  it('orders equal start times by id so the table does not jump', () => {
    const same = [
      summary({ rolloutId: 'ro-1', startedAt: NOW }),
      summary({ rolloutId: 'ro-2', startedAt: NOW }),
    ];
    expect(ids(applyChanges(same, [], 10))).toEqual(['ro-2', 'ro-1']);
    expect(ids(applyChanges([], same, 10))).toEqual(['ro-2', 'ro-1']);
  });
});
