import { TraceFlags } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { type FlushableRun, flushResult, runsOfTarget, summarize } from './flush-run.ts';

const T1 = 'a'.repeat(32);
const T2 = 'b'.repeat(32);

function run(overrides: Partial<FlushableRun>): FlushableRun {
  return {
    traceId: T1,
    rootSpanId: '1'.repeat(16),
    startedAt: 0,
    rolloutId: undefined,
    state: 'pending',
    ...overrides,
  };
}

const span = (traceId: string, spanId: string) => ({
  spanContext: () => ({ traceId, spanId, traceFlags: TraceFlags.SAMPLED }),
});

describe('runsOfTarget', () => {
  const outer = run({ rootSpanId: '1'.repeat(16), startedAt: 2 });
  const second = run({ rootSpanId: '2'.repeat(16), startedAt: 1 });
  const other = run({ traceId: T2 });

  it('takes every run of a trace id, oldest first', () => {
    expect(runsOfTarget([outer, second, other], T1)).toEqual([second, outer]);
  });

  it('takes only the run rooted at the given agent span', () => {
    expect(runsOfTarget([outer, second, other], span(T1, '2'.repeat(16)))).toEqual([second]);
  });

  it('takes the whole trace for any other span of it', () => {
    expect(runsOfTarget([outer, second, other], span(T1, 'f'.repeat(16)))).toHaveLength(2);
  });

  it('finds nothing for an unknown trace', () => {
    expect(runsOfTarget([outer], T2)).toEqual([]);
  });
});

describe('flushResult', () => {
  it('waits while any run is pending', () => {
    expect(flushResult([run({ state: 'stored', rolloutId: 'ro-1' }), run({})])).toBeUndefined();
  });

  it('is done when every run is stored or sampled out', () => {
    expect(
      flushResult([run({ state: 'stored', rolloutId: 'ro-1' }), run({ state: 'sampled_out' })]),
    ).toEqual({ rolloutIds: ['ro-1'], done: true });
  });

  it('is not done when a run was lost or nothing is known', () => {
    expect(flushResult([run({ state: 'lost' })])).toEqual({ rolloutIds: [], done: false });
    expect(flushResult([])).toEqual({ rolloutIds: [], done: false });
  });

  it('reports what is known at the deadline as not done', () => {
    expect(summarize([run({ rolloutId: 'ro-2' })])).toEqual({ rolloutIds: ['ro-2'], done: false });
  });
});
