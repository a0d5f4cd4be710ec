import { displayEndpoint } from './display-endpoint.ts';
import { describeError } from './store-errors.ts';
import type { UnreachableSnapshot } from './types.ts';

export const START_AGL_HINT =
  'Start a store with `pnpm agl:server` (add `--port <n>` or `--agl-version 0.2` as needed), ' +
  'or point to a running one.';

export interface DescribeUnreachableOptions {
  /** Epoch milliseconds; defaults to `Date.now()`. */
  now?: number;
  /** Replaces the default advice on how to start AGL. */
  hint?: string;
}

/** What dashboards show when the store cannot be read. */
export function describeUnreachable(
  endpoint: string,
  error: unknown,
  options: DescribeUnreachableOptions = {},
): UnreachableSnapshot {
  const shown = displayEndpoint(endpoint);
  return {
    endpoint: shown,
    reachable: false,
    takenAt: options.now ?? Date.now(),
    reason: reasonFor(endpoint, shown, describeError(error)),
    hint: options.hint ?? START_AGL_HINT,
  };
}

function reasonFor(endpoint: string, shown: string, detail: string): string {
  // No credentials from any URL the message mentions.
  const safe = detail.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1');
  // The client's own messages usually name the store already.
  if (safe.includes(shown) || detail.includes(endpoint)) return safe;
  return `AGL store at ${shown} is unreachable: ${safe}`;
}
