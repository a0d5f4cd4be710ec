import { describe, expect, it } from 'vitest';
import { filterCountText } from './filter-count.ts';
import { STATUS_FILTERS } from './rollout-filter.ts';

const byStatus = {
  queuing: 0,
  preparing: 0,
  running: 2,
  requeuing: 0,
  succeeded: 100,
  failed: 5,
  cancelled: 0,
};
const all = STATUS_FILTERS[0];
const succeeded = STATUS_FILTERS.find((filter) => filter.label === 'succeeded');
if (!all || !succeeded) throw new Error('filters missing');

describe('filterCountText', () => {
  it('counts a status filter against the whole store, not the rows the table holds', () => {
    const text = filterCountText({
      shown: 93,
      loaded: 100,
      filter: succeeded,
      search: '',
      snapshot: { totalRollouts: 107, byStatus },
    });
    expect(text).toBe('(93 of 100 succeeded in the store; the table holds the 100 newest)');
  });

  it('never says "100 of 100" for a search over the 100 newest of 107', () => {
    const text = filterCountText({
      shown: 100,
      loaded: 100,
      filter: all,
      search: 'ro-',
      snapshot: { totalRollouts: 107, byStatus },
    });
    expect(text).toBe('(100 among the 100 newest of 107; older ones are not searched)');
  });

  it('is a plain count when every rollout is in the table', () => {
    const snapshot = { totalRollouts: 107, byStatus };
    expect(filterCountText({ shown: 5, loaded: 107, filter: all, search: 'x', snapshot })).toBe(
      '(5 of 107)',
    );
    expect(
      filterCountText({ shown: 100, loaded: 107, filter: succeeded, search: '', snapshot }),
    ).toBe('(100 of 107)');
  });
});
