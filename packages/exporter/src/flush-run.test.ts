import { TraceFlags } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import {
  type FlushableRun,
  flushableRun,
  flushOutcome,
  flushResult,
  runsOfTarget,
  summarize,
} from './flush-run.ts';

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

describe('flushableRun', () => {
  const base = {
    traceId: T1,
    rootSpanId: '1'.repeat(16),
    admittedAt: 5,
    rolloutId: 'ro-1' as string | undefined,
    phase: 'done',
    unsent: 0,
    sending: 0,
    lost: 0,
    outcome: { status: 'succeeded' } as unknown,
  };
  const stateOf = (state: Partial<typeof base>, sampledOut = false) =>
    flushableRun({
      state: { ...base, ...state },
      description: { controls: { run: { sampledOut } } },
    }).state;

  it('is stored when done with every span delivered', () => {
    expect(stateOf({})).toBe('stored');
    expect(stateOf({ unsent: 1 })).toBe('pending');
  });

  it('is lost when spans were lost, the run was refused or abandoned, or no rollout exists', () => {
    expect(stateOf({ lost: 2 })).toBe('lost');
    expect(stateOf({ phase: 'refused' })).toBe('lost');
    expect(stateOf({ phase: 'abandoned' })).toBe('lost');
    expect(stateOf({ rolloutId: undefined })).toBe('lost');
  });

  it('is pending while the rollout is open or finishing', () => {
    expect(stateOf({ phase: 'open' })).toBe('pending');
    expect(stateOf({ phase: 'finishing' })).toBe('pending');
  });

  it('treats a joined run as stored once its root ended and its spans are delivered', () => {
    expect(stateOf({ phase: 'joined' })).toBe('stored');
    expect(stateOf({ phase: 'joined', outcome: undefined })).toBe('pending');
  });

  it('reports a sampled-out run as such whatever its phase', () => {
    expect(stateOf({ phase: 'done', rolloutId: undefined }, true)).toBe('sampled_out');
  });
});

describe('flushOutcome', () => {
  const pending = run({});
  const stored = run({ state: 'stored', rolloutId: 'ro-9' });

  it('answers at once when the target is settled', () => {
    expect(flushOutcome([stored], T1, 1_000)).toEqual({
      result: { rolloutIds: ['ro-9'], done: true },
      waitMs: 0,
    });
  });

  it('asks to wait a little while a run is pending and time is left', () => {
    expect(flushOutcome([pending], T1, 1_000)).toEqual({ result: undefined, waitMs: 50 });
    expect(flushOutcome([pending], T1, 20)).toEqual({ result: undefined, waitMs: 20 });
  });

  it('gives what is known, not done, at the deadline', () => {
    expect(flushOutcome([pending], T1, 0).result).toEqual({ rolloutIds: [], done: false });
  });
});
