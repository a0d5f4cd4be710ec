import { isAglError } from '@agl/client';
import type { RunEvent } from './run-lifecycle.ts';
import type { RunState } from './run-state.ts';

/** What one call to the store did: events for the runs it touched, and how the store fared. */
export interface CallReport {
  events: Array<[RunState, RunEvent]>;
  /** The store answered (the call succeeded or was refused on its merits). */
  answered: boolean;
  /** A failure worth retrying later (store down, hanging, overloaded). */
  outage: unknown;
  /** Failures that were not outages, for `lastError`. */
  errors: Array<{ what: string; error: unknown }>;
}

export function emptyReport(): CallReport {
  return { events: [], answered: false, outage: undefined, errors: [] };
}

export type FailureKind = 'outage' | 'not_found' | 'refused';

/** `AglError.retryable` decides; AGL forgetting a rollout is its own case; the rest is refused. */
export function classifyFailure(error: unknown): FailureKind {
  if (isAglError(error, 'not_found')) return 'not_found';
  if (isAglError(error) && error.retryable) return 'outage';
  return 'refused';
}
