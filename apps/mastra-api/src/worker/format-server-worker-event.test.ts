import { describe, expect, it } from 'vitest';
import { formatServerWorkerEvent } from './format-server-worker-event.ts';

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
