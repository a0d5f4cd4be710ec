import type { RunRef } from './span-tree.ts';

export interface Placement<T> {
  item: T;
  run: RunRef;
}

/** What one call to the run index decided. */
export interface IndexResult<T> {
  /** Runs whose root became known with this call (start their rollouts). */
  newRuns: RunRef[];
  /** Held or given items that now have a run. */
  placed: Placement<T>[];
  /** Items that belong to no run (outside every agent span): drop and count them. */
  outside: T[];
}

/** Shared empty answer; never mutated (see `mergeResults`). */
export const NO_RESULT: IndexResult<never> = { newRuns: [], placed: [], outside: [] };

export function emptyResult<T>(): IndexResult<T> {
  return { newRuns: [], placed: [], outside: [] };
}

export function mergeResults<T>(a: IndexResult<T>, b: IndexResult<T>): IndexResult<T> {
  if (
    b === NO_RESULT ||
    (b.newRuns.length === 0 && b.placed.length === 0 && b.outside.length === 0)
  ) {
    return a;
  }
  return {
    newRuns: [...a.newRuns, ...b.newRuns],
    placed: [...a.placed, ...b.placed],
    outside: [...a.outside, ...b.outside],
  };
}
