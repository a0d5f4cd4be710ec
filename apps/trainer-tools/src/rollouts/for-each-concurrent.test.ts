import { describe, expect, it } from 'vitest';
import { forEachConcurrent } from './for-each-concurrent.ts';

async function* count(to: number, pulled: number[]) {
  for (let i = 0; i < to; i += 1) {
    pulled.push(i);
    yield i;
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('forEachConcurrent', () => {
  it('keeps at most `limit` calls in flight and handles every item', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachConcurrent(count(20, []), 3, async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      seen.push(item);
      inFlight -= 1;
    });
    expect(most).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('stops taking items when asked and after a failure, and throws the failure', async () => {
    const pulled: number[] = [];
    const done: number[] = [];
    await forEachConcurrent(
      count(100, pulled),
      2,
      async (item) => {
        await tick();
        done.push(item);
      },
      () => done.length >= 5,
    );
    expect(pulled.length).toBeLessThan(10);

    const failing = forEachConcurrent(count(100, []), 2, async (item) => {
      await tick();
      if (item === 3) throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
  });
});
