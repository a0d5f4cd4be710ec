import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './bounded-queue.ts';

describe('BoundedQueue', () => {
  it('refuses items over the count bound', () => {
    const queue = new BoundedQueue<number>(2, 1000, () => 1);
    expect([queue.push(1), queue.push(2), queue.push(3)]).toEqual([true, true, false]);
    expect(queue.length).toBe(2);
  });

  it('refuses items over the byte bound', () => {
    const queue = new BoundedQueue<string>(10, 5, (s) => s.length);
    expect(queue.push('abc')).toBe(true);
    expect(queue.push('abc')).toBe(false);
    expect(queue.push('ab')).toBe(true);
    expect(queue.bytes).toBe(5);
  });

  it('takes ready items in order and keeps the rest in order', () => {
    const queue = new BoundedQueue<number>(10, 1000, () => 1);
    for (const n of [1, 2, 3, 4, 5]) queue.push(n);
    expect(queue.take(2, (n) => n % 2 === 1)).toEqual([1, 3]);
    expect(queue.take(10, () => true)).toEqual([2, 4, 5]);
    expect(queue.length).toBe(0);
    expect(queue.bytes).toBe(0);
  });

  it('puts failed items back at the front, even beyond the bounds', () => {
    const queue = new BoundedQueue<number>(2, 1000, () => 1);
    queue.push(1);
    queue.push(2);
    const taken = queue.take(2, () => true);
    queue.push(3);
    queue.push(4);
    queue.unshift(taken);
    expect(queue.take(10, () => true)).toEqual([1, 2, 3, 4]);
  });

  it('removes matching items', () => {
    const queue = new BoundedQueue<number>(10, 1000, () => 1);
    for (const n of [1, 2, 3]) queue.push(n);
    expect(queue.remove((n) => n === 2)).toEqual([2]);
    expect(queue.take(10, () => true)).toEqual([1, 3]);
  });
});
