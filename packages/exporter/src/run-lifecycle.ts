import type { PreparedSpan } from './prepared-span.ts';
import type { RunOutcome } from './rollout-info.ts';
import { isFinal, type LossReason, type RunState } from './run-state.ts';

/**
 * The life of one run, as a pure state machine: `step` applies what happened (no I/O, the
 * clock passed in) and says what follows; `nextWork` says which call the run needs next. The
 * engine performs the calls and reports back with events.
 */
export type RunEvent =
  | { type: 'spanAdded'; span: PreparedSpan }
  /** A span the app ended for this run that cannot be kept (conversion failed, no room). */
  | { type: 'spanFailed'; reason: LossReason }
  | { type: 'rootEnded'; outcome: RunOutcome }
  | { type: 'createStarted' }
  | { type: 'created'; rolloutId: string; attemptId: string; described: boolean }
  | { type: 'createFailed'; retryable: boolean }
  | { type: 'joined'; rolloutId: string; attemptId: string }
  | { type: 'sequenceBase'; next: number }
  | { type: 'sendStarted'; spans: PreparedSpan[] }
  | { type: 'stored'; spans: PreparedSpan[] }
  /** A retryable failure: the spans go back to be sent again. */
  | { type: 'sendFailed'; spans: PreparedSpan[] }
  | { type: 'spansLost'; spans: PreparedSpan[]; reason: LossReason }
  /**
   * AGL no longer knows this rollout (an in-memory store restarted). A late answer about a
   * rollout the run already replaced changes nothing.
   */
  | { type: 'rolloutLost'; rolloutId: string }
  | { type: 'finishStarted' }
  | { type: 'finished' }
  | { type: 'finishFailed'; retryable: boolean }
  | { type: 'tick'; runTimeoutMs: number }
  | { type: 'shutdown' }
  /** Give the run up: its spans not yet stored are lost (AGL gone for good, deadline passed). */
  | { type: 'abandon'; reason: LossReason };

export type RunCommand =
  /** The run reached a final phase: resolve whoever waits for it, count it. */
  | { type: 'settled' }
  /** Spans that will never be sent, e.g. of a refused run or after the run was given up. */
  | { type: 'dropped'; count: number; reason: LossReason | 'run_refused' };

export type RunWork = 'create' | 'sequence' | 'deliver' | 'finish' | undefined;

const NOTHING: RunCommand[] = [];

export function step(run: RunState, event: RunEvent, now: number): RunCommand[] {
  switch (event.type) {
    case 'spanAdded':
      return addSpan(run, event.span);
    case 'spanFailed':
      if (isFinal(run)) return [{ type: 'dropped', count: 1, reason: event.reason }];
      run.lost++;
      run.lossReason ??= event.reason;
      return NOTHING;
    case 'rootEnded':
      run.outcome ??= event.outcome;
      return settleIfComplete(run);
    case 'createStarted':
      if (run.phase === 'pending') run.phase = 'creating';
      return NOTHING;
    case 'created':
      if (run.phase !== 'creating') return NOTHING;
      run.phase = 'open';
      run.rolloutId = event.rolloutId;
      run.attemptId = event.attemptId;
      run.describedAtCreate = event.described;
      return NOTHING;
    case 'createFailed':
      if (run.phase !== 'creating') return NOTHING;
      if (event.retryable) {
        run.phase = 'pending';
        return NOTHING;
      }
      return abandon(run, 'run_unavailable');
    case 'joined':
      run.phase = 'joining';
      run.rolloutId = event.rolloutId;
      run.attemptId = event.attemptId;
      run.nextSequenceId = undefined;
      return NOTHING;
    case 'sequenceBase':
      if (run.phase !== 'joining') return NOTHING;
      run.phase = 'joined';
      run.nextSequenceId = event.next;
      for (const span of run.spans) if (span.sequenceId === undefined) assignSequence(run, span);
      return settleIfComplete(run);
    case 'sendStarted':
      for (const span of event.spans) move(run, span, 'sending');
      return NOTHING;
    case 'stored':
      for (const span of event.spans) move(run, span, 'stored');
      if (run.phase === 'done') run.spans = run.spans.filter((span) => span.state !== 'stored');
      return settleIfComplete(run);
    case 'sendFailed':
      for (const span of event.spans) move(run, span, 'unsent');
      return NOTHING;
    case 'spansLost':
      for (const span of event.spans) move(run, span, 'lost');
      run.lossReason ??= event.reason;
      if (run.phase === 'done') run.spans = run.spans.filter((span) => span.state !== 'lost');
      return settleIfComplete(run);
    case 'rolloutLost':
      return rolloutLost(run, event.rolloutId);
    case 'finishStarted':
      if (run.phase === 'open') run.phase = 'finishing';
      return NOTHING;
    case 'finished':
      if (run.phase !== 'finishing') return NOTHING;
      return settle(run, 'done');
    case 'finishFailed':
      if (run.phase !== 'finishing') return NOTHING;
      if (event.retryable) {
        run.phase = 'open';
        return NOTHING;
      }
      return settle(run, 'abandoned');
    case 'tick':
      if (!run.outcome && !isJoined(run) && now - run.admittedAt >= event.runTimeoutMs) {
        run.outcome = {
          status: 'failed',
          error: `the agent span did not end within ${event.runTimeoutMs} ms`,
        };
        return settleIfComplete(run);
      }
      return NOTHING;
    case 'shutdown':
      if (!run.outcome && !isJoined(run)) {
        run.outcome = {
          status: 'failed',
          error: 'the process shut down before the agent span ended',
        };
      }
      return settleIfComplete(run);
    case 'abandon':
      if (run.phase === 'done') return dropLate(run, event.reason);
      return abandon(run, event.reason);
  }
}

/** The call the run needs next, if any; the scheduler decides when it is made. */
export function nextWork(run: RunState): RunWork {
  switch (run.phase) {
    case 'pending':
      return run.live || run.spans.length > 0 || run.outcome ? 'create' : undefined;
    case 'joining':
      return 'sequence';
    case 'joined':
    case 'done':
      return run.unsent > 0 ? 'deliver' : undefined;
    case 'open':
      if (run.unsent > 0) return 'deliver';
      return run.outcome && run.sending === 0 ? 'finish' : undefined;
    default:
      return undefined;
  }
}

/** The attempt's final status: the agent's own outcome only when every span is stored. */
export function finalStatus(run: RunState): 'succeeded' | 'failed' {
  return run.lost > 0 ? 'failed' : (run.outcome?.status ?? 'failed');
}

function isJoined(run: RunState): boolean {
  return run.phase === 'joining' || run.phase === 'joined';
}

function addSpan(run: RunState, span: PreparedSpan): RunCommand[] {
  if (run.phase === 'refused') return [{ type: 'dropped', count: 1, reason: 'run_refused' }];
  if (run.phase === 'abandoned') {
    return [{ type: 'dropped', count: 1, reason: run.lossReason ?? 'run_unavailable' }];
  }
  // A late span into a finished rollout is still delivered; it cannot change the outcome.
  if (run.phase === 'done' && !run.rolloutId) {
    return [{ type: 'dropped', count: 1, reason: 'run_unavailable' }];
  }
  span.state = 'unsent';
  run.unsent++;
  if (run.nextSequenceId !== undefined) assignSequence(run, span);
  run.spans.push(span);
  return NOTHING;
}

function assignSequence(run: RunState, span: PreparedSpan): void {
  span.sequenceId = run.nextSequenceId;
  run.nextSequenceId = (run.nextSequenceId ?? 0) + 1;
}

function move(run: RunState, span: PreparedSpan, to: PreparedSpan['state']): void {
  const from = span.state;
  if (from === to || from === 'stored' || from === 'lost') return;
  if (from === 'unsent') run.unsent--;
  if (from === 'sending') run.sending--;
  if (to === 'unsent') run.unsent++;
  if (to === 'sending') run.sending++;
  if (to === 'stored') run.stored++;
  if (to === 'lost') run.lost++;
  span.state = to;
}

function rolloutLost(run: RunState, rolloutId: string): RunCommand[] {
  if (run.rolloutId !== rolloutId) return NOTHING;
  if (isJoined(run)) return abandon(run, 'rejected');
  if (run.phase !== 'open' && run.phase !== 'finishing') return NOTHING;
  // Every span goes again into the new rollout, so it is whole; sequence ids stay as they were.
  if (run.rolloutId) run.previousRolloutIds.push(run.rolloutId);
  run.rolloutId = undefined;
  run.attemptId = undefined;
  run.describedAtCreate = false;
  run.phase = 'pending';
  for (const span of run.spans) {
    if (span.state !== 'stored') continue;
    span.state = 'unsent';
    run.stored--;
    run.unsent++;
  }
  return NOTHING;
}

function abandon(run: RunState, reason: LossReason): RunCommand[] {
  if (isFinal(run)) return NOTHING;
  const open = run.spans.filter((span) => span.state !== 'stored' && span.state !== 'lost');
  for (const span of open) move(run, span, 'lost');
  run.lossReason ??= reason;
  return settle(run, 'abandoned');
}

function dropLate(run: RunState, reason: LossReason): RunCommand[] {
  const late = run.spans.filter((span) => span.state === 'unsent' || span.state === 'sending');
  for (const span of late) span.state = 'lost';
  run.spans = [];
  run.unsent = 0;
  run.sending = 0;
  return late.length > 0 ? [{ type: 'dropped', count: late.length, reason }] : NOTHING;
}

/** A joined run is complete when its root ended and every span is stored or lost. */
function settleIfComplete(run: RunState): RunCommand[] {
  if (run.phase !== 'joined' || !run.outcome) return NOTHING;
  if (run.sending > 0 || run.unsent > 0) return NOTHING;
  return settle(run, 'done');
}

function settle(run: RunState, phase: 'done' | 'abandoned'): RunCommand[] {
  run.phase = phase;
  // Nothing more will be sent for this run: only late spans are kept from now on.
  run.spans = [];
  run.unsent = 0;
  run.sending = 0;
  return [{ type: 'settled' }];
}
