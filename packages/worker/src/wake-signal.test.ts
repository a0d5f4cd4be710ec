import { describe, expect, it } from 'vitest';
import { WakeSignal } from './wake-signal.ts';

describe('WakeSignal', () => {
  it('wakes every sleeper at once', async () => {
    const signal = new WakeSignal();
    const woken: number[] = [];
    const sleepers = [1, 2].map((n) => signal.sleep(60_000).then(() => woken.push(n)));
    signal.wake();
    await Promise.all(sleepers);
    expect(woken.sort()).toEqual([1, 2]);
  });

  it('ends a sleep on its own after the time', async () => {
    await new WakeSignal().sleep(1);
  });
});
