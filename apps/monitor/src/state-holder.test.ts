import { describe, expect, it } from 'vitest';
import { StateHolder } from './state-holder.ts';

describe('StateHolder', () => {
  it('merges each update and tells every listener, even after one throws', () => {
    const holder = new StateHolder({ count: 0, paused: false });
    const seen: number[] = [];
    holder.subscribe(() => {
      throw new Error('a broken listener');
    });
    holder.subscribe(() => seen.push(holder.get().count));
    holder.update({ count: 1 });
    holder.update({ paused: true });
    expect(holder.get()).toEqual({ count: 1, paused: true });
    expect(seen).toEqual([1, 1]);
  });

  it('stops telling a listener that unsubscribed, and all of them after clear', () => {
    const holder = new StateHolder({ count: 0 });
    let first = 0;
    let second = 0;
    const unsubscribe = holder.subscribe(() => first++);
    holder.subscribe(() => second++);
    holder.update({ count: 1 });
    unsubscribe();
    holder.update({ count: 2 });
    holder.clear();
    holder.update({ count: 3 });
    expect([first, second]).toEqual([1, 2]);
  });
});
