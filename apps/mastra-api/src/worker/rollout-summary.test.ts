import type { Rollout } from '@agl/client';
import { makeRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { summarize } from './rollout-summary.ts';

function rollout(status: Rollout['status']): Rollout {
  return makeRollout({ rollout_id: `ro-${status}`, start_time: 1, mode: 'train', status });
}

describe('summarize', () => {
  it('counts statuses and averages rewards', () => {
    const summary = summarize(
      [rollout('succeeded'), rollout('succeeded'), rollout('failed'), rollout('running')],
      [0.5, 1],
    );
    expect(summary.text).toBe(
      '4 rollouts: 1 failed, 1 running, 2 succeeded; 2 rewards, mean 0.750.',
    );
    expect(summary.unfinished).toBe(1);
    expect(summarize([], []).text).toBe('0 rollouts.');
    expect(summarize([rollout('failed')], []).text).toBe('1 rollout: 1 failed; no rewards.');
  });
});
