import type { PreparedSpan } from './prepared-span.ts';
import type { RunOutcome } from './rollout-info.ts';

/**
 * Where a run stands with its rollout in AGL:
 * - `pending`: admitted; its rollout is not created yet (waiting for a request slot or a retry).
 * - `creating`: the rollout is being created.
 * - `open`: the rollout exists; spans are delivered into it as they come.
 * - `finishing`: every span is stored or lost; the attempt is being finished.
 * - `joining`/`joined`: the rollout was created elsewhere (a worker); we ask AGL for its span
 *   counter, then deliver spans only: its owner finishes it.
 * - `done`: final in AGL. `abandoned`: given up (AGL refused it or is gone); its spans are lost.
 * - `refused`: not admitted (the queue was full); its spans are dropped and counted.
 */
export type RunPhase =
  | 'pending'
  | 'creating'
  | 'open'
  | 'finishing'
  | 'joining'
  | 'joined'
  | 'done'
  | 'abandoned'
  | 'refused';

export const FINAL_PHASES: ReadonlySet<RunPhase> = new Set(['done', 'abandoned', 'refused']);

/** Why spans of a run never reached AGL (goes into the rollout's metadata). */
export type LossReason =
  | 'queue_full'
  | 'rejected'
  | 'conversion_failed'
  | 'shutdown'
  | 'store_unusable'
  | 'run_unavailable';

export interface RunState {
  readonly key: string;
  readonly traceId: string;
  readonly rootSpanId: string;
  phase: RunPhase;
  readonly admittedAt: number;
  /** A processor saw the root start: create the rollout before the run ends, so it shows live. */
  live: boolean;
  rolloutId: string | undefined;
  attemptId: string | undefined;
  /** The rollout was created with the final input and metadata (after the root ended). */
  describedAtCreate: boolean;
  /** Set when the root span ended (or the run timed out or the process shut down). */
  outcome: RunOutcome | undefined;
  /** Spans the app ended for this run, kept until the run is final (AGL may forget them). */
  spans: PreparedSpan[];
  /** Spans of `spans` waiting to be sent. */
  unsent: number;
  /** Spans of `spans` that AGL confirmed. */
  stored: number;
  /** Spans of `spans` on their way to AGL right now. */
  sending: number;
  /** Spans of this run that will never reach AGL, and the first reason why. */
  lost: number;
  lossReason: LossReason | undefined;
  /** Next local sequence id; undefined for a joined run until AGL tells its counter. */
  nextSequenceId: number | undefined;
  /** Times the rollout was created again after AGL forgot it (an in-memory store restarted). */
  previousRolloutIds: string[];
}

export function newRunState(
  ref: { key: string; traceId: string; rootSpanId: string },
  now: number,
): RunState {
  return {
    key: ref.key,
    traceId: ref.traceId,
    rootSpanId: ref.rootSpanId,
    phase: 'pending',
    admittedAt: now,
    live: false,
    rolloutId: undefined,
    attemptId: undefined,
    describedAtCreate: false,
    outcome: undefined,
    spans: [],
    unsent: 0,
    stored: 0,
    sending: 0,
    lost: 0,
    lossReason: undefined,
    nextSequenceId: 1,
    previousRolloutIds: [],
  };
}

export function isFinal(run: RunState): boolean {
  return FINAL_PHASES.has(run.phase);
}
