import { FakeAglStore, seedRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { runOnce } from './run-once.ts';

describe('runOnce', () => {
  it('counts rewards over every finished rollout, however many there are', async () => {
    let tick = 1_000;
    const store = new FakeAglStore({ clock: () => (tick += 1) });
    // The rewarded one is the oldest: a capped scan of the newest would miss it.
    await seedRollout(store, { reward: 1 });
    for (let index = 0; index < 260; index += 1) await seedRollout(store, {});
    let stdout = '';
    const code = await runOnce({ endpoint: store.baseUrl, recent: 0 }, async () => store, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('1/500 rollouts with rewards');
    expect(stdout).toContain('rollouts 261');
    expect(stdout).not.toContain('No rollouts yet.');
  });
});
