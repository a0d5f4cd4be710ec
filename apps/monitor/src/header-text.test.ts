import { describe, expect, it } from 'vitest';
import { byStatus, summary } from '../test/fixtures.ts';
import { rewardsText, statusGroups } from './header-text.ts';

describe('statusGroups', () => {
  it('adds preparing to running and requeuing to queued', () => {
    const counts = byStatus(
      (['preparing', 'running', 'queuing', 'requeuing', 'requeuing', 'failed'] as const).map(
        (status, index) => summary({ rolloutId: `ro-${index}`, status }),
      ),
    );
    expect(statusGroups(counts).map(({ label, count }) => `${label} ${count}`)).toEqual([
      'running 2',
      'queued 3',
      'succeeded 0',
      'failed 1',
      'cancelled 0',
    ]);
  });
});

describe('rewardsText', () => {
  it('shows progress to the target', () => {
    expect(rewardsText({ withReward: 37, target: 500, checked: 60, finished: 60 })).toBe(
      '37/500 rollouts with rewards (7%)',
    );
    expect(rewardsText({ withReward: 500, target: 500, checked: 700, finished: 9_000 })).toBe(
      '500/500 rollouts with rewards (100%)',
    );
  });

  it('says how far a partial count got', () => {
    expect(rewardsText({ withReward: 3, target: 500, checked: 200, finished: 12_000 })).toBe(
      '3/500 rollouts with rewards (0%) · 200 of 12k finished checked',
    );
  });
});
