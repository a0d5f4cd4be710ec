import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakePreparedSpan as fakeSpan } from '../test/support/fake-prepared-span.ts';
import type { PreparedSpan } from './prepared-span.ts';
import { finalStatus, nextWork, type RunCommand, type RunEvent, step } from './run-lifecycle.ts';
import { isFinal, newRunState, type RunState } from './run-state.ts';

/** What the world can do to a run: the app ends spans, calls succeed or fail, time passes. */
type Action =
  | { kind: 'span' }
  | { kind: 'rootEnd'; failed: boolean }
  | { kind: 'work'; answer: 'ok' | 'outage' | 'refused' | 'forgotten' }
  | { kind: 'tick'; ms: number }
  | { kind: 'shutdown' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ kind: 'span' }),
  fc.boolean().map<Action>((failed) => ({ kind: 'rootEnd', failed })),
  fc
    .constantFrom('ok', 'ok', 'ok', 'outage', 'refused', 'forgotten')
    .map<Action>((answer) => ({ kind: 'work', answer }) as Action),
  fc.integer({ min: 0, max: 40_000 }).map<Action>((ms) => ({ kind: 'tick', ms })),
  fc.constant<Action>({ kind: 'shutdown' }),
);

interface World {
  run: RunState;
  now: number;
  settled: number;
  added: number;
  finishedAs: Array<{ status: string; stored: number; added: number }>;
}

const TIMEOUT = 30_000;

function apply(world: World, event: RunEvent): RunCommand[] {
  const commands = step(world.run, event, world.now);
  world.settled += commands.filter((command) => command.type === 'settled').length;
  return commands;
}

/** Makes the call the run asks for, answered as `answer` says. */
function work(world: World, answer: 'ok' | 'outage' | 'refused' | 'forgotten'): void {
  const { run } = world;
  const todo = nextWork(run);
  if (todo === 'create') {
    apply(world, { type: 'createStarted' });
    if (answer === 'ok' || answer === 'forgotten') {
      apply(world, { type: 'created', rolloutId: 'ro', attemptId: 'at', described: false });
    } else apply(world, { type: 'createFailed', retryable: answer === 'outage' });
  } else if (todo === 'deliver') {
    const spans = run.spans.filter((span) => span.state === 'unsent').slice(0, 3);
    apply(world, { type: 'sendStarted', spans });
    if (answer === 'ok') apply(world, { type: 'stored', spans });
    else if (answer === 'outage') apply(world, { type: 'sendFailed', spans });
    else if (answer === 'refused') apply(world, { type: 'spansLost', spans, reason: 'rejected' });
    else {
      apply(world, { type: 'sendFailed', spans });
      apply(world, { type: 'rolloutLost', rolloutId: run.rolloutId ?? '' });
    }
  } else if (todo === 'finish') {
    const finishing = { status: finalStatus(run), stored: run.stored, added: world.added };
    apply(world, { type: 'finishStarted' });
    if (answer === 'ok') {
      apply(world, { type: 'finished' });
      world.finishedAs.push(finishing);
    } else if (answer === 'forgotten') {
      apply(world, { type: 'finishFailed', retryable: true });
      apply(world, { type: 'rolloutLost', rolloutId: run.rolloutId ?? '' });
    } else apply(world, { type: 'finishFailed', retryable: answer === 'outage' });
  }
}

function play(world: World, act: Action): void {
  switch (act.kind) {
    case 'span': {
      const commands = apply(world, { type: 'spanAdded', span: fakeSpan() });
      if (!commands.some((command) => command.type === 'dropped')) world.added++;
      return;
    }
    case 'rootEnd':
      apply(world, {
        type: 'rootEnded',
        outcome: act.failed
          ? { status: 'failed', error: 'boom' }
          : { status: 'succeeded', error: null },
      });
      return;
    case 'work':
      work(world, act.answer);
      return;
    case 'tick':
      world.now += act.ms;
      apply(world, { type: 'tick', runTimeoutMs: TIMEOUT });
      return;
    case 'shutdown':
      apply(world, { type: 'shutdown' });
  }
}

function countsAgree(run: RunState): void {
  const count = (state: PreparedSpan['state']) => run.spans.filter((s) => s.state === state).length;
  expect(run.unsent).toBe(count('unsent'));
  expect(run.sending).toBe(count('sending'));
}

describe('run lifecycle', () => {
  it('never finishes a run as succeeded unless every span it was given is stored', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        const world: World = {
          run: { ...newRunState({ key: 'k', traceId: 't', rootSpanId: 'r' }, 0), live: true },
          now: 0,
          settled: 0,
          added: 0,
          finishedAs: [],
        };
        for (const act of actions) {
          play(world, act);
          countsAgree(world.run);
          expect(world.settled).toBeLessThanOrEqual(1);
        }
        for (const finished of world.finishedAs) {
          if (finished.status === 'succeeded') expect(finished.stored).toBe(finished.added);
        }
        // Liveness: once the store answers, every run whose agent ended reaches a final phase.
        play(world, { kind: 'rootEnd', failed: false });
        for (let i = 0; i < 200 && nextWork(world.run) !== undefined; i++) work(world, 'ok');
        expect(isFinal(world.run)).toBe(true);
        expect(world.settled).toBe(1);
        if (world.run.phase === 'done' && world.run.lost === 0 && world.finishedAs.length > 0) {
          const last = world.finishedAs.at(-1);
          expect(last?.stored).toBe(last?.added);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('fails a run whose agent span never ends once the timeout passes', () => {
    const run = newRunState({ key: 'k', traceId: 't', rootSpanId: 'r' }, 1_000);
    step(run, { type: 'tick', runTimeoutMs: 500 }, 1_400);
    expect(run.outcome).toBeUndefined();
    step(run, { type: 'tick', runTimeoutMs: 500 }, 1_500);
    expect(run.outcome?.status).toBe('failed');
    expect(nextWork(run)).toBe('create');
  });

  it('delivers every span again into a rollout created after AGL forgot the first', () => {
    const run = newRunState({ key: 'k', traceId: 't', rootSpanId: 'r' }, 0);
    const spans = [fakeSpan(), fakeSpan()];
    for (const span of spans) step(run, { type: 'spanAdded', span }, 0);
    step(run, { type: 'createStarted' }, 0);
    step(run, { type: 'created', rolloutId: 'ro-1', attemptId: 'at-1', described: false }, 0);
    step(run, { type: 'sendStarted', spans }, 0);
    step(run, { type: 'stored', spans }, 0);
    step(run, { type: 'rolloutLost', rolloutId: 'ro-1' }, 0);
    expect(run.phase).toBe('pending');
    expect(run.previousRolloutIds).toEqual(['ro-1']);
    expect(run.unsent).toBe(2);
    expect(spans.map((span) => span.sequenceId)).toEqual([1, 2]);
  });

  it('ignores a late answer that the rollout it already replaced is lost', () => {
    const run = newRunState({ key: 'k', traceId: 't', rootSpanId: 'r' }, 0);
    const [first, second] = [fakeSpan(), fakeSpan()];
    step(run, { type: 'spanAdded', span: first }, 0);
    step(run, { type: 'spanAdded', span: second }, 0);
    step(run, { type: 'createStarted' }, 0);
    step(run, { type: 'created', rolloutId: 'ro-1', attemptId: 'at-1', described: false }, 0);
    // Both spans are on their way into ro-1 when the store restarts; each answer says "not found".
    step(run, { type: 'sendStarted', spans: [first, second] }, 0);
    step(run, { type: 'sendFailed', spans: [first] }, 0);
    step(run, { type: 'rolloutLost', rolloutId: 'ro-1' }, 0);
    step(run, { type: 'createStarted' }, 0);
    step(run, { type: 'created', rolloutId: 'ro-2', attemptId: 'at-2', described: false }, 0);
    step(run, { type: 'sendFailed', spans: [second] }, 0);
    step(run, { type: 'rolloutLost', rolloutId: 'ro-1' }, 0);
    expect(run).toMatchObject({ phase: 'open', rolloutId: 'ro-2', previousRolloutIds: ['ro-1'] });
    expect(run.unsent).toBe(2);
    expect(nextWork(run)).toBe('deliver');
  });

  it('counts the spans of a run given up as lost and settles it once', () => {
    const run = newRunState({ key: 'k', traceId: 't', rootSpanId: 'r' }, 0);
    step(run, { type: 'spanAdded', span: fakeSpan() }, 0);
    const commands = step(run, { type: 'abandon', reason: 'store_unusable' }, 0);
    expect(commands).toEqual([{ type: 'settled' }]);
    expect(run).toMatchObject({ phase: 'abandoned', lost: 1, lossReason: 'store_unusable' });
    expect(step(run, { type: 'abandon', reason: 'shutdown' }, 0)).toEqual([]);
  });
});
