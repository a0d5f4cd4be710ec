import { describe, expect, it } from 'vitest';
import { fakePreparedSpan as fakeSpan } from '../test/support/fake-prepared-span.ts';
import { planWork, type SchedulerLimits, type WorkItem } from './delivery-scheduler.ts';
import type { PreparedSpan } from './prepared-span.ts';
import { type RunEvent, step } from './run-lifecycle.ts';
import { isFinal, newRunState, type RunState } from './run-state.ts';

function apply(run: RunState, event: RunEvent): void {
  step(run, event, 0);
}

/** A run whose agent span already ended, with `spans` spans waiting: it needs its rollout. */
function endedRun(index: number, spans = 3): RunState {
  const run = newRunState(
    { key: `t${index}/root`, traceId: `t${index}`, rootSpanId: 'root' },
    index,
  );
  for (let i = 0; i < spans; i++) apply(run, { type: 'spanAdded', span: fakeSpan() });
  apply(run, { type: 'rootEnded', outcome: { status: 'succeeded', error: null } });
  return run;
}

function openRun(index: number, spans = 3): RunState {
  const run = endedRun(index, spans);
  apply(run, { type: 'createStarted' });
  apply(run, { type: 'created', rolloutId: `ro-${index}`, attemptId: 'at', described: true });
  return run;
}

const notBusy = () => false;

function summary(items: WorkItem[]): string[] {
  return items.map((item) =>
    item.kind === 'deliver'
      ? `deliver ${item.spans.map(({ run }) => run.traceId).join(',')}`
      : `${item.kind} ${item.run.traceId}`,
  );
}

describe('planWork', () => {
  it('creates the rollouts of the oldest runs first, one request slot each', () => {
    const runs = [0, 1, 2, 3].map((index) => endedRun(index));
    const plan = planWork(runs, { slots: 2, batchSize: 1, maxRunsInProgress: 10 }, notBusy);
    expect(summary(plan.items)).toEqual(['create t0', 'create t1']);
  });

  it('delivers spans of rollouts that exist before creating new rollouts past the bound', () => {
    const runs = [openRun(0, 2), openRun(1, 1), endedRun(2), endedRun(3)];
    const plan = planWork(runs, { slots: 10, batchSize: 1, maxRunsInProgress: 3 }, notBusy);
    expect(summary(plan.items)).toEqual(['deliver t0', 'deliver t0', 'deliver t1', 'create t2']);
  });

  it('batches spans of several runs, oldest first, up to the batch size', () => {
    const runs = [openRun(0, 3), openRun(1, 3), openRun(2, 3)];
    const plan = planWork(runs, { slots: 2, batchSize: 4, maxRunsInProgress: 10 }, notBusy);
    expect(summary(plan.items)).toEqual(['deliver t0,t0,t0,t1', 'deliver t1,t1,t2,t2']);
  });

  it('skips runs with a call in flight and lists runs with nothing to do as idle', () => {
    const waiting = newRunState({ key: 'tw/root', traceId: 'tw', rootSpanId: 'root' }, 0);
    const busy = endedRun(0);
    const next = endedRun(1);
    const plan = planWork(
      [waiting, busy, next],
      { slots: 5, batchSize: 1, maxRunsInProgress: 10 },
      (run) => run === busy,
    );
    expect(summary(plan.items)).toEqual(['create t1']);
    expect(plan.idle).toEqual([waiting]);
  });

  it('finishes a run once every span is stored', () => {
    const run = openRun(0, 1);
    const [span] = run.spans as [PreparedSpan];
    apply(run, { type: 'sendStarted', spans: [span] });
    apply(run, { type: 'stored', spans: [span] });
    const plan = planWork([run], { slots: 1, batchSize: 1, maxRunsInProgress: 1 }, notBusy);
    expect(summary(plan.items)).toEqual(['finish t0']);
  });
});

/**
 * Drives a backlog through the planner the way the engine does: calls complete one at a time,
 * first done first, and every completion is followed by a new plan with the freed slots. A
 * delivery takes `deliverTime` (a slow store), other calls take 1.
 */
function drainBacklog(
  runs: RunState[],
  limits: Omit<SchedulerLimits, 'slots'>,
  slots: number,
  deliverTime = 1,
) {
  const inFlight: Array<{ item: WorkItem; doneAt: number }> = [];
  let now = 0;
  const calling = new Set<RunState>();
  const observations = { mostInProgress: 0, pendingOlderThanOpen: 0, finishOrder: [] as string[] };
  const observe = () => {
    const inProgress = runs.filter((run) => ['creating', 'open', 'finishing'].includes(run.phase));
    observations.mostInProgress = Math.max(observations.mostInProgress, inProgress.length);
    const youngestOpen = Math.max(-1, ...inProgress.map((run) => runs.indexOf(run)));
    observations.pendingOlderThanOpen += runs
      .slice(0, youngestOpen)
      .filter((run) => run.phase === 'pending').length;
  };
  const plan = () => {
    const wanting = runs.filter((run) => !isFinal(run));
    const { items } = planWork(wanting, { ...limits, slots: slots - inFlight.length }, (run) =>
      calling.has(run),
    );
    for (const item of items) {
      if (item.kind === 'deliver') {
        for (const { run, span } of item.spans) apply(run, { type: 'sendStarted', spans: [span] });
      } else {
        calling.add(item.run);
        apply(item.run, { type: item.kind === 'create' ? 'createStarted' : 'finishStarted' });
      }
      inFlight.push({ item, doneAt: now + (item.kind === 'deliver' ? deliverTime : 1) });
    }
    observe();
  };
  plan();
  for (let calls = 0; inFlight.length > 0; calls++) {
    if (calls > 100_000) throw new Error('the backlog never drained');
    const next = inFlight.reduce<number>(
      (first, call, index) => (call.doneAt < (inFlight[first]?.doneAt ?? Infinity) ? index : first),
      0,
    );
    const [call] = inFlight.splice(next, 1);
    if (!call) break;
    const { item } = call;
    now = Math.max(now, call.doneAt);
    if (item.kind === 'deliver') {
      for (const { run, span } of item.spans) apply(run, { type: 'stored', spans: [span] });
    } else {
      calling.delete(item.run);
      if (item.kind === 'create') {
        apply(item.run, {
          type: 'created',
          rolloutId: `ro-${item.run.traceId}`,
          attemptId: 'at',
          described: true,
        });
      } else if (item.kind === 'finish') {
        apply(item.run, { type: 'finished' });
        observations.finishOrder.push(item.run.traceId);
      }
    }
    plan();
  }
  return observations;
}

describe('planWork under a backlog', () => {
  it.each([
    { transport: 'REST', batchSize: 1, deliverTime: 1 },
    { transport: 'OTLP', batchSize: 16, deliverTime: 1 },
    { transport: 'OTLP into a slow store', batchSize: 16, deliverTime: 20 },
  ])(
    'keeps only about maxConcurrentRequests rollouts open over $transport, oldest run first',
    ({ batchSize, deliverTime }) => {
      const maxConcurrentRequests = 4;
      const runs = Array.from({ length: 60 }, (_, index) => endedRun(index, 11));
      const seen = drainBacklog(
        runs,
        { batchSize, maxRunsInProgress: maxConcurrentRequests * 2 },
        maxConcurrentRequests,
        deliverTime,
      );

      expect(runs.every((run) => run.phase === 'done' && run.lost === 0)).toBe(true);
      expect(seen.mostInProgress).toBeGreaterThan(1);
      expect(seen.mostInProgress).toBeLessThanOrEqual(maxConcurrentRequests * 2);
      expect(seen.pendingOlderThanOpen).toBe(0);
      // Runs complete in about the order they came: none overtakes more than the open window.
      seen.finishOrder.forEach((traceId, position) => {
        const index = Number(traceId.slice(1));
        expect(Math.abs(index - position)).toBeLessThanOrEqual(maxConcurrentRequests * 2);
      });
    },
  );
});
