import type { AglStore } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { RolloutBudget } from './rollout-budget.ts';
import { resolveWorkerOptions } from './worker-options.ts';

const store = { dequeueRollout: async () => null } as unknown as AglStore;
const task = async () => null;

describe('resolveWorkerOptions', () => {
  it('fills defaults', () => {
    const resolved = resolveWorkerOptions({ store, task, workerId: 'w-1' });
    expect(resolved).toMatchObject({
      concurrency: 1,
      pollIntervalMs: 2_000,
      heartbeatIntervalMs: 10_000,
      workerHeartbeatIntervalMs: 10_000,
      drainTimeoutMs: 30_000,
      abortGraceMs: 5_000,
    });
    expect(resolved.budget.limit).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('shares a budget it is given and makes one from a number', () => {
    const budget = new RolloutBudget(5);
    expect(resolveWorkerOptions({ store, task, workerId: 'w', maxRollouts: budget }).budget).toBe(
      budget,
    );
    expect(resolveWorkerOptions({ store, task, workerId: 'w', maxRollouts: 3 }).budget.limit).toBe(
      3,
    );
  });

  it.each([
    [{ concurrency: 0 }, /concurrency must be a positive number/],
    [{ concurrency: 1.5 }, /concurrency must be a whole number/],
    [{ pollIntervalMs: -1 }, /pollIntervalMs/],
    [{ drainTimeoutMs: Number.NaN }, /drainTimeoutMs/],
    [{ maxRollouts: 0 }, /maxRollouts must be a whole number/],
    [{ workerId: '' }, /workerId must be a non-empty string/],
    [{ workerId: 'a/b' }, /without "\/"/],
    [{ task: 'nope' }, /task must be a function/],
    [{ store: {} }, /store must be an AGL store client/],
  ])('rejects %o', (override, message) => {
    expect(() =>
      resolveWorkerOptions({ store, task, workerId: 'w', ...(override as object) }),
    ).toThrow(message);
  });
});
