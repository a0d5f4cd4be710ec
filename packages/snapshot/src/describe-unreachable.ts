import { displayEndpoint } from './display-endpoint.ts';
import { describeError, errorKind, errorStatus, isUnreachableError } from './store-errors.ts';
import type { StoreProblem, UnreachableSnapshot } from './types.ts';

export const START_AGL_HINT =
  'Start a store with `pnpm agl:server` (add `--port <n>` or `--agl-version 0.2` as needed), ' +
  'or point to a running one.';

export const NOT_ANSWERING_HINT =
  'The store accepts connections but does not answer: it may be overloaded or stuck. ' +
  'Check its log; restart it if it stays silent (its in-memory data is then lost).';

export const ERROR_ANSWER_HINT =
  'The store is running but fails this request; its log says why. If it keeps failing, the ' +
  'stored data may be broken (AGL 0.3 cannot list rollouts holding invalid text) and only a ' +
  'restart clears it (its in-memory data is then lost).';

export const WRONG_DIALECT_HINT =
  'Leave out the dialect option to detect it, or name the version the store runs.';

export interface DescribeUnreachableOptions {
  /** Epoch milliseconds; defaults to `Date.now()`. */
  now?: number;
  /** Replaces the default advice on how to start AGL (shown when nothing answers). */
  hint?: string;
}

/** What kind of failure an error from a store call is. */
export function storeProblem(error: unknown): StoreProblem {
  const kind = errorKind(error);
  if (kind === 'timeout' || errorKind(field(error, 'cause')) === 'timeout') return 'not_answering';
  if (kind === 'protocol') return 'wrong_dialect';
  if (error instanceof Error && error.name === 'TimeoutError') return 'not_answering';
  if (isUnreachableError(error) || (kind === null && errorStatus(error) === null)) {
    return 'unreachable';
  }
  return 'error_answer';
}

/** What dashboards show when the store cannot be read: what happened and what to do. */
export function describeUnreachable(
  endpoint: string,
  error: unknown,
  options: DescribeUnreachableOptions = {},
): UnreachableSnapshot {
  const shown = displayEndpoint(endpoint);
  const problem = storeProblem(error);
  return {
    endpoint: shown,
    reachable: false,
    problem,
    takenAt: options.now ?? Date.now(),
    reason: reasonFor(problem, endpoint, shown, error),
    hint: hintFor(problem, options.hint),
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function hintFor(problem: StoreProblem, startHint: string | undefined): string {
  switch (problem) {
    case 'unreachable':
      return startHint ?? START_AGL_HINT;
    case 'not_answering':
      return NOT_ANSWERING_HINT;
    case 'wrong_dialect':
      return WRONG_DIALECT_HINT;
    case 'error_answer':
      return ERROR_ANSWER_HINT;
  }
}

function reasonFor(problem: StoreProblem, endpoint: string, shown: string, error: unknown): string {
  const detail = describeError(error);
  // No credentials from any URL the message mentions.
  const safe = detail.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1');
  const named = safe.includes(shown) || detail.includes(endpoint);
  // "AGL 0.3 store at http://…: GET … failed" → "GET … failed", when the reason names the store.
  const atShown = safe.indexOf(` at ${shown}: `);
  const bare = atShown === -1 ? safe : safe.slice(atShown + shown.length + 6);
  switch (problem) {
    case 'unreachable':
      // The client's own messages usually name the store already.
      return named ? safe : `AGL store at ${shown} is unreachable: ${safe}`;
    case 'not_answering':
      return `AGL store at ${shown} is not answering: ${bare}`;
    case 'wrong_dialect':
      return `The server at ${shown} does not answer like the AGL version asked for: ${bare}`;
    case 'error_answer': {
      const status = errorStatus(error);
      const answered = status === null ? 'answered with an error' : `answered HTTP ${status}`;
      return `AGL store at ${shown} ${answered}: ${bare}`;
    }
  }
}
