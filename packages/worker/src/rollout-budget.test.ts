import { describe, expect, it } from 'vitest';
import { RolloutBudget } from './rollout-budget.ts';

describe('RolloutBudget', () => {
  it('hands out units up to its limit and takes unused ones back', () => {
    const budget = new RolloutBudget(2);
    expect([budget.tryTake(), budget.tryTake(), budget.tryTake()]).toEqual([true, true, false]);
    expect(budget.exhausted).toBe(true);
    budget.giveBack();
    expect(budget.taken).toBe(1);
    expect(budget.tryTake()).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])('refuses the limit %s', (limit) => {
    expect(() => new RolloutBudget(limit)).toThrow(/whole number/);
  });
});
