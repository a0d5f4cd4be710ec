import { describe, expect, it } from 'vitest';
import { sampleRollouts, summary } from '../test/fixtures.ts';
import {
  filterRollouts,
  nextFilterIndex,
  STATUS_FILTERS,
  type StatusFilter,
} from './rollout-filter.ts';

const ids = (list: { rolloutId: string }[]) => list.map((rollout) => rollout.rolloutId);

describe('filterRollouts', () => {
  const rollouts = [
    ...sampleRollouts(),
    summary({ rolloutId: 'ro-00000000prep', status: 'preparing', agent: null }),
    summary({ rolloutId: 'ro-0000000queue', status: 'requeuing' }),
  ];
  const byLabel = (label: string): StatusFilter => {
    const filter = STATUS_FILTERS.find((candidate) => candidate.label === label);
    if (!filter) throw new Error(`no filter ${label}`);
    return filter;
  };

  it('keeps everything with the "all" filter and no search', () => {
    expect(filterRollouts(rollouts, byLabel('all'), '')).toHaveLength(5);
  });

  it('groups statuses the way the header counts them', () => {
    expect(ids(filterRollouts(rollouts, byLabel('running'), ''))).toEqual([
      'ro-00000000run1',
      'ro-00000000prep',
    ]);
    expect(ids(filterRollouts(rollouts, byLabel('queued'), ''))).toEqual(['ro-0000000queue']);
  });

  it('searches ids and agents, ignoring case and surrounding blanks', () => {
    expect(ids(filterRollouts(rollouts, byLabel('all'), ' PLANNER '))).toEqual(['ro-00000000run1']);
    expect(ids(filterRollouts(rollouts, byLabel('all'), 'fail1'))).toEqual(['ro-0000000fail1']);
    expect(ids(filterRollouts(rollouts, byLabel('failed'), 'planner'))).toEqual([]);
  });

  it('cycles through every filter and back', () => {
    let index = 0;
    const seen = [];
    for (let step = 0; step < STATUS_FILTERS.length; step += 1) {
      seen.push(STATUS_FILTERS[index]?.label);
      index = nextFilterIndex(index);
    }
    expect(seen).toEqual(['all', 'running', 'queued', 'succeeded', 'failed', 'cancelled']);
    expect(index).toBe(0);
  });
});
