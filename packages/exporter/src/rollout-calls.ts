import type { AglStore } from '@agl/client';
import { type CallReport, classifyFailure, emptyReport } from './call-report.ts';
import type { ResolvedOptions } from './options.ts';
import {
  createRolloutRequest,
  finishAttemptPatch,
  finishRolloutPatch,
  type RunDescription,
} from './rollout-request.ts';
import type { RunState } from './run-state.ts';
import { withoutTracing } from './without-tracing.ts';

function failure(what: string, error: unknown, report: CallReport): CallReport {
  const kind = classifyFailure(error);
  if (kind === 'outage') report.outage = error;
  else {
    report.answered = true;
    report.errors.push({ what, error });
  }
  return report;
}

/** What a rollout call needs: the store, the run and what is known of it. */
export interface RolloutCall {
  store: AglStore;
  run: RunState;
  description: RunDescription;
  options: ResolvedOptions;
}

/** Creates the run's rollout, with its final input and metadata when the root has ended. */
export async function createRollout({
  store,
  run,
  description,
  options,
}: RolloutCall): Promise<CallReport> {
  const report = emptyReport();
  try {
    // Whether the request carries the final fields is decided now: the root may end in flight.
    const described = description.rootEnded;
    const request = createRolloutRequest(run, description, options);
    const created = await withoutTracing(() => store.startRollout(request));
    report.answered = true;
    report.events.push([
      run,
      {
        type: 'created',
        rolloutId: created.rollout_id,
        attemptId: created.attempt.attempt_id,
        described,
      },
    ]);
    return report;
  } catch (error) {
    const retryable = classifyFailure(error) === 'outage';
    report.events.push([run, { type: 'createFailed', retryable }]);
    return failure('start rollout', error, report);
  }
}

/** Writes the final rollout fields when needed, then finishes the attempt. */
export async function finishRollout(call: RolloutCall): Promise<CallReport> {
  const { store, run, description, options } = call;
  const report = emptyReport();
  const rolloutId = run.rolloutId as string;
  const attemptId = run.attemptId as string;
  try {
    const patch = finishRolloutPatch(run, description, options);
    if (patch) await withoutTracing(() => store.updateRollout(rolloutId, patch));
    await withoutTracing(() => store.updateAttempt(rolloutId, attemptId, finishAttemptPatch(run)));
    report.answered = true;
    report.events.push([run, { type: 'finished' }]);
    return report;
  } catch (error) {
    const kind = classifyFailure(error);
    if (kind === 'not_found') {
      report.events.push([run, { type: 'finishFailed', retryable: true }]);
      report.events.push([run, { type: 'rolloutLost', rolloutId }]);
    } else {
      report.events.push([run, { type: 'finishFailed', retryable: kind === 'outage' }]);
    }
    return failure('finish rollout', error, report);
  }
}

/** Asks AGL for the span counter of a rollout created elsewhere. */
export async function fetchSequenceBase(store: AglStore, run: RunState): Promise<CallReport> {
  const report = emptyReport();
  try {
    const next = await withoutTracing(() =>
      store.nextSequenceId(run.rolloutId as string, run.attemptId as string),
    );
    report.answered = true;
    report.events.push([run, { type: 'sequenceBase', next }]);
    return report;
  } catch (error) {
    // AGL does not know the rollout or attempt these spans were meant for: nothing can fix that.
    if (classifyFailure(error) !== 'outage') {
      report.events.push([run, { type: 'abandon', reason: 'rejected' }]);
    }
    return failure('next sequence id', error, report);
  }
}
