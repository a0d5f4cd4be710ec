import { describe, expect, it } from 'vitest';
import { eventually } from './eventually.ts';

describe('eventually', () => {
  it('returns once the check passes', async () => {
    let calls = 0;
    const value = await eventually(
      async () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
        return 'done';
      },
      1_000,
      1,
    );
    expect(value).toBe('done');
    expect(calls).toBe(3);
  });

  it('rethrows the last failure after the bound', async () => {
    await expect(
      eventually(
        async () => {
          throw new Error('never');
        },
        20,
        5,
      ),
    ).rejects.toThrow('never');
  });
});
