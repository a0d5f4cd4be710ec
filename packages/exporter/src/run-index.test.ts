import { describe, expect, it } from 'vitest';
import type { IndexResult } from './index-result.ts';
import { RunIndex, type RunIndexOptions } from './run-index.ts';
import type { SpanFacts } from './span-tree.ts';

const OPTIONS: RunIndexOptions = {
  scope: 'agent',
  maxHeld: 1000,
  maxHoldMs: 30_000,
  lingerMs: 60_000,
  staleMs: 3_600_000,
};

const TRACE = 'a'.repeat(32);

function facts(
  spanId: string,
  parent?: string,
  isAgent = false,
  parentIsRemote = false,
): SpanFacts {
  return { traceId: TRACE, spanId, parentSpanId: parent, parentIsRemote, isAgent };
}

function runsOf(result: IndexResult<string>): Record<string, string> {
  return Object.fromEntries(result.placed.map((p) => [p.item, p.run.rootSpanId]));
}

describe('RunIndex as a bare exporter sees spans (end order, children first)', () => {
  it('holds children until their agent span arrives, then places the whole run', () => {
    const index = new RunIndex<string>(OPTIONS);
    expect(index.spanEnded(facts('tool', 'step'), 'tool', 1).placed).toEqual([]);
    expect(index.spanEnded(facts('step', 'chat'), 'step', 2).placed).toEqual([]);
    expect(index.spanEnded(facts('chat', 'agent'), 'chat', 3).placed).toEqual([]);
    expect(index.heldCount).toBe(3);
    expect(index.heldInTrace(TRACE)).toBe(3);
    expect(index.heldInTrace('b'.repeat(32))).toBe(0);
    const result = index.spanEnded(facts('agent', undefined, true), 'agent', 4);
    expect(result.newRuns.map((r) => r.rootSpanId)).toEqual(['agent']);
    expect(runsOf(result)).toEqual({ tool: 'agent', step: 'agent', chat: 'agent', agent: 'agent' });
    expect(index.heldCount).toBe(0);
  });

  it('keeps a nested agent in the outer agent run', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanEnded(facts('inner-chat', 'inner'), 'inner-chat', 1);
    index.spanEnded(facts('inner', 'tool', true), 'inner', 2);
    index.spanEnded(facts('tool', 'outer'), 'tool', 3);
    const result = index.spanEnded(facts('outer', 'request', true), 'outer', 4);
    expect(result.placed).toEqual([]); // the request span is still unknown
    const done = index.spanEnded(facts('request', undefined), 'request', 5);
    expect(done.newRuns.map((r) => r.rootSpanId)).toEqual(['outer']);
    expect(runsOf(done)).toEqual({
      'inner-chat': 'outer',
      inner: 'outer',
      tool: 'outer',
      outer: 'outer',
    });
    expect(done.outside).toEqual(['request']);
  });

  it('makes two sibling agents in one trace two runs', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanEnded(facts('a1', 'req', true), 'a1', 1);
    index.spanEnded(facts('a2', 'req', true), 'a2', 2);
    const result = index.spanEnded(facts('req', undefined), 'req', 3);
    expect(result.newRuns.map((r) => r.rootSpanId).sort()).toEqual(['a1', 'a2']);
    expect(result.outside).toEqual(['req']);
  });

  it('gives up spans outside any agent run', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanEnded(facts('db', 'http'), 'db', 1);
    const result = index.spanEnded(facts('http', undefined), 'http', 2);
    expect(result.outside.sort()).toEqual(['db', 'http']);
    expect(result.newRuns).toEqual([]);
  });

  it('treats a remote parent as the end of the local tree', () => {
    const index = new RunIndex<string>(OPTIONS);
    const result = index.spanEnded(facts('agent', 'remote-parent', true, true), 'agent', 1);
    expect(result.newRuns.map((r) => r.rootSpanId)).toEqual(['agent']);
  });

  it('places a late child of a finished run in that run', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanEnded(facts('agent', undefined, true), 'agent', 1);
    const late = index.spanEnded(facts('late', 'agent'), 'late', 2);
    expect(runsOf(late)).toEqual({ late: 'agent' });
  });

  it('decides with what is known once a held span waited too long', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanEnded(facts('chat', 'agent'), 'chat', 0);
    index.spanEnded(facts('agent', 'long-lived-job', true), 'agent', 10);
    expect(index.sweep(1_000).placed).toEqual([]);
    const result = index.sweep(40_000);
    expect(result.newRuns.map((r) => r.rootSpanId)).toEqual(['agent']);
    expect(runsOf(result)).toEqual({ chat: 'agent', agent: 'agent' });
  });

  it('decides the oldest held spans first when over the held limit', () => {
    const index = new RunIndex<string>({ ...OPTIONS, maxHeld: 2 });
    index.spanEnded(facts('x1', 'unknown-1'), 'x1', 1);
    index.spanEnded(facts('x2', 'unknown-2'), 'x2', 2);
    const result = index.spanEnded(facts('x3', 'unknown-3'), 'x3', 3);
    expect(result.outside).toEqual(['x1']);
    expect(index.heldCount).toBe(2);
  });

  it('drains every held span on shutdown', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanEnded(facts('chat', 'agent'), 'chat', 0);
    index.spanEnded(facts('agent', 'job', true), 'agent', 0);
    const result = index.drain();
    expect(runsOf(result)).toEqual({ chat: 'agent', agent: 'agent' });
    expect(index.heldCount).toBe(0);
  });
});

describe('RunIndex as a processor sees spans (starts known)', () => {
  it('starts the run when the agent span starts and places children at once', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanStarted(facts('req', undefined), 0);
    const started = index.spanStarted(facts('agent', 'req', true), 1);
    expect(started.newRuns.map((r) => r.rootSpanId)).toEqual(['agent']);
    expect(index.spanStarted(facts('chat', 'agent'), 2).run?.rootSpanId).toBe('agent');
    expect(runsOf(index.spanEnded(facts('chat', 'agent'), 'chat', 3))).toEqual({ chat: 'agent' });
    expect(index.heldCount).toBe(0);
  });

  it('holds spans outside a run until the local root ends, in case an ancestor is an agent', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanStarted(facts('job', undefined), 0);
    index.spanStarted(facts('step', 'job'), 1);
    expect(index.spanEnded(facts('step', 'job'), 'step', 2).outside).toEqual([]);
    // The job turns out to be an agent at end (attributes set late).
    const result = index.spanEnded(facts('job', undefined, true), 'job', 3);
    expect(result.newRuns.map((r) => r.rootSpanId)).toEqual(['job']);
    expect(runsOf(result)).toEqual({ step: 'job', job: 'job' });
  });

  it('places a span under an already placed parent without the agent test', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanStarted(facts('agent', undefined, true), 0);
    expect(index.startedInPlacedRun(TRACE, 'chat', 'agent', 1)).toBe(true);
    expect(runsOf(index.spanEnded(facts('chat', 'agent'), 'chat', 2))).toEqual({ chat: 'agent' });
    // A parent outside any run, or unknown, takes the full path.
    index.spanStarted(facts('http', undefined), 3);
    expect(index.startedInPlacedRun(TRACE, 'db', 'http', 4)).toBe(false);
    expect(index.startedInPlacedRun('b'.repeat(32), 'x', 'y', 5)).toBe(false);
  });

  it('exports whole traces in trace scope', () => {
    const index = new RunIndex<string>({ ...OPTIONS, scope: 'trace' });
    const started = index.spanStarted(facts('http', undefined), 0);
    expect(started.newRuns.map((r) => r.rootSpanId)).toEqual(['http']);
    expect(runsOf(index.spanEnded(facts('db', 'http'), 'db', 1))).toEqual({ db: 'http' });
  });

  it('forgets idle traces, and stale ones with leaked spans', () => {
    const index = new RunIndex<string>(OPTIONS);
    index.spanStarted(facts('agent', undefined, true), 0);
    index.spanStarted(facts('leaked', 'agent'), 0);
    index.spanEnded(facts('agent', undefined, true), 'agent', 1);
    index.sweep(70_000);
    expect(index.traceCount).toBe(1);
    index.sweep(4_000_000);
    expect(index.traceCount).toBe(0);
  });
});
