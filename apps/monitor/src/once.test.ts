import { describe, expect, it } from 'vitest';
import { NOW, sampleRollouts, snapshot } from '../test/fixtures.ts';
import { snapshotText } from './once.ts';

describe('snapshotText', () => {
  it('prints the header and one line per rollout, without escape codes', () => {
    const text = snapshotText(snapshot(sampleRollouts()), { width: 120, now: NOW });
    expect(text.split('\n')).toEqual([
      'AGL monitor  http://127.0.0.1:4747  AGL 0.3  up 3ms  at 2025-01-01T12:00:00.000Z',
      'rollouts 3  running 1  queued 0  succeeded 1  failed 1  cancelled 0  spans 11',
      'rewards 1/500 rollouts with rewards (0%)',
      '',
      expect.stringMatching(/^ROLLOUT +AGENT +STATUS +STARTED +DURATION +SPANS +TOKENS +REWARD$/),
      expect.stringMatching(/^ro-00000000run1 +planner +running +12s ago +12s +3 +200\/- +-$/),
      expect.stringMatching(
        /^ro-00000000ok01 +weather-agent +succeeded +1m ago +4\.2s +6 +1\.2k\/56 +1$/,
      ),
      expect.stringMatching(/^ro-0000000fail1 +weather-agent +failed +3m ago +850ms +2 +- +-$/),
      '',
    ]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes.
    expect(text).not.toMatch(/\u001B/);
  });

  it('fits narrow widths by leaving columns out', () => {
    const text = snapshotText(snapshot(sampleRollouts()), { width: 50, now: NOW });
    for (const line of text.split('\n').slice(4)) expect(line.length).toBeLessThanOrEqual(50);
    expect(text).not.toContain('TOKENS');
  });

  it('says so when the store has no rollouts, and when the reward count is partial', () => {
    const empty = snapshot([], {
      totalSpans: null,
      rewards: { withReward: 3, target: 500, checked: 200, finished: 1_500 },
    });
    const text = snapshotText(empty, { width: 120, now: NOW });
    expect(text).toContain('rollouts 0  running 0  queued 0  succeeded 0  failed 0  cancelled 0\n');
    expect(text).toContain(
      'rewards 3/500 rollouts with rewards (0%) · 200 of 1.5k finished checked',
    );
    expect(text).toContain('No rollouts yet.');
  });
});
