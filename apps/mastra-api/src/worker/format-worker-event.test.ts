import { describe, expect, it } from 'vitest';
import { formatServerWorkerEvent, formatWorkerEvent } from './format-worker-event.ts';

const workerId = 'w-1';

describe('formatWorkerEvent', () => {
  it('writes one line per event', () => {
    expect([
      formatWorkerEvent({ type: 'started', workerId, concurrency: 2 }),
      formatWorkerEvent({
        type: 'dequeued',
        workerId,
        rolloutId: 'ro-1',
        attemptId: 'at-1',
        attemptNumber: 2,
        mode: 'train',
      }),
      formatWorkerEvent({
        type: 'finished',
        workerId,
        rolloutId: 'ro-1',
        attemptId: 'at-1',
        status: 'succeeded',
        reward: 0.5,
        error: null,
        durationMs: 12,
      }),
      formatWorkerEvent({
        type: 'finished',
        workerId,
        rolloutId: 'ro-2',
        attemptId: 'at-2',
        status: 'succeeded',
        reward: null,
        error: null,
        durationMs: 3,
      }),
      formatWorkerEvent({
        type: 'finished',
        workerId,
        rolloutId: 'ro-3',
        attemptId: 'at-3',
        status: 'failed',
        reward: null,
        error: 'boom',
        durationMs: 4,
      }),
      formatWorkerEvent({
        type: 'warning',
        workerId,
        message: 'dequeue failed',
        rolloutId: 'ro-4',
      }),
      formatWorkerEvent({ type: 'draining', workerId, active: 1, timeoutMs: 30_000 }),
      formatWorkerEvent({
        type: 'stopped',
        workerId,
        stats: { dequeued: 1, succeeded: 1, failed: 0, active: 0, rewards: 1 },
      }),
    ]).toEqual([
      '[w-1] started (concurrency 2)',
      '[w-1] ro-1 attempt 2 started (train)',
      '[w-1] ro-1 succeeded in 12 ms, reward 0.5',
      '[w-1] ro-2 succeeded in 3 ms, no reward',
      '[w-1] ro-3 failed in 4 ms: boom',
      '[w-1] warning (ro-4): dequeue failed',
      '[w-1] draining: waiting up to 30 s for 1 run',
      '[w-1] stopped: 1 rollout, 1 succeeded, 0 failed, 1 reward',
    ]);
  });
});

describe('formatServerWorkerEvent', () => {
  it('writes one readable line per event', () => {
    const base = { workerId: 'w', rolloutId: 'r1', attemptId: 'a1' };
    expect(formatServerWorkerEvent({ type: 'claimed', ...base, mode: 'train' })).toBe(
      '[w] r1 claimed as attempt a1 (train)',
    );
    expect(
      formatServerWorkerEvent({
        type: 'finished',
        ...base,
        status: 'failed',
        reward: null,
        error: 'boom',
        durationMs: 5,
      }),
    ).toBe('[w] r1 failed in 5 ms: boom');
    expect(
      formatServerWorkerEvent({
        type: 'finished',
        ...base,
        status: 'succeeded',
        reward: 0.5,
        error: null,
        durationMs: 5,
      }),
    ).toBe('[w] r1 succeeded in 5 ms, reward 0.5');
    expect(
      formatServerWorkerEvent({
        type: 'stopped',
        workerId: 'w',
        stats: { claimed: 2, lostClaims: 1, succeeded: 2, failed: 0, rewards: 2 },
      }),
    ).toBe('[w] stopped: 2 claimed (1 taken by others first), 2 succeeded, 0 failed, 2 rewards');
  });
});
