import type { PreparedSpan } from './prepared-span.ts';
import { nextWork } from './run-lifecycle.ts';
import type { RunState } from './run-state.ts';

export interface Outgoing {
  run: RunState;
  span: PreparedSpan;
}

export type WorkItem =
  | { kind: 'create'; run: RunState }
  | { kind: 'sequence'; run: RunState }
  | { kind: 'finish'; run: RunState }
  | { kind: 'deliver'; spans: Outgoing[] };

export interface SchedulerLimits {
  /** Free request slots right now. */
  slots: number;
  /** Spans per delivery request (1 for REST). */
  batchSize: number;
  /** Most runs with a rollout in progress at once before new rollouts wait (backlog bound). */
  maxRunsInProgress: number;
}

export interface Plan {
  items: WorkItem[];
  /** Runs with nothing to do now: the caller stops asking them until something happens. */
  idle: RunState[];
}

const IN_PROGRESS = new Set(['creating', 'open', 'finishing', 'joining', 'joined']);

/**
 * Decides the next calls, oldest run first: spans of runs whose rollout exists before new
 * rollouts, so under a backlog only a few rollouts are open at a time and each one completes
 * quickly, instead of many rollouts each trickling in. `busy` runs already have a call in
 * flight for their rollout. Pure: it reads runs and returns the plan.
 */
export function planWork(
  runs: Iterable<RunState>,
  limits: SchedulerLimits,
  busy: (run: RunState) => boolean,
): Plan {
  const items: WorkItem[] = [];
  const idle: RunState[] = [];
  let slots = limits.slots;
  let inProgress = 0;
  let batch: Outgoing[] = [];
  for (const run of runs) {
    const work = nextWork(run);
    if (work === undefined) {
      if (!busy(run) && run.sending === 0) idle.push(run);
      continue;
    }
    if (IN_PROGRESS.has(run.phase)) inProgress++;
    if (slots <= 0 || busy(run)) continue;
    if (work === 'create') {
      if (inProgress >= limits.maxRunsInProgress) continue;
      inProgress++;
      items.push({ kind: 'create', run });
      slots--;
    } else if (work === 'sequence' || work === 'finish') {
      items.push({ kind: work, run });
      slots--;
    } else {
      for (const span of run.spans) {
        if (span.state !== 'unsent') continue;
        batch.push({ run, span });
        if (batch.length >= limits.batchSize) {
          items.push({ kind: 'deliver', spans: batch });
          batch = [];
          if (--slots <= 0) break;
        }
      }
    }
  }
  if (batch.length > 0 && slots > 0) items.push({ kind: 'deliver', spans: batch });
  return { items, idle };
}
