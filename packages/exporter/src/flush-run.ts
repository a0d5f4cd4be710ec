import type { SpanContext } from '@opentelemetry/api';

/** A trace id, or a span (the agent span of the run, or any span of its trace). */
export type FlushTarget = string | { spanContext(): SpanContext };

export interface FlushRunResult {
  /** The rollouts of the flushed runs, oldest first (none for a run that was sampled out). */
  rolloutIds: string[];
  /**
   * True when every run of the target is settled: each of its spans stored and its rollout
   * finished, or the run sampled out. False when the deadline passed first, when AGL refused a
   * run, or when no run of the target is known.
   */
  done: boolean;
}

/** What flushing needs to know of one run. */
export interface FlushableRun {
  traceId: string;
  rootSpanId: string;
  startedAt: number;
  rolloutId: string | undefined;
  state: 'pending' | 'stored' | 'sampled_out' | 'lost';
}

/** Which runs a target names: the run rooted at the given span, else every run of its trace. */
export function runsOfTarget<R extends FlushableRun>(runs: Iterable<R>, target: FlushTarget): R[] {
  const traceId = typeof target === 'string' ? target : target.spanContext().traceId;
  const spanId = typeof target === 'string' ? undefined : target.spanContext().spanId;
  const ofTrace = [...runs].filter((run) => run.traceId === traceId);
  const rooted = spanId === undefined ? [] : ofTrace.filter((run) => run.rootSpanId === spanId);
  const chosen = rooted.length > 0 ? rooted : ofTrace;
  return chosen.sort((a, b) => a.startedAt - b.startedAt);
}

/** The answer for a set of runs, or undefined while any of them is still pending. */
export function flushResult(runs: readonly FlushableRun[]): FlushRunResult | undefined {
  if (runs.some((run) => run.state === 'pending')) return undefined;
  return summarize(runs);
}

/** The answer as things stand (at the deadline). */
export function summarize(runs: readonly FlushableRun[]): FlushRunResult {
  const rolloutIds = runs
    .map((run) => run.rolloutId)
    .filter((id): id is string => id !== undefined);
  const done =
    runs.length > 0 && runs.every((run) => run.state === 'stored' || run.state === 'sampled_out');
  return { rolloutIds, done };
}

/** What flushing reads of one of the engine's runs. */
export interface FlushableEntry {
  state: {
    traceId: string;
    rootSpanId: string;
    admittedAt: number;
    rolloutId: string | undefined;
    phase: string;
    unsent: number;
    sending: number;
    lost: number;
    outcome: unknown;
  };
  description: { controls?: { run: { sampledOut: boolean } } | undefined };
}

/** Where one run stands for flushing. */
export function flushableRun(entry: FlushableEntry): FlushableRun {
  const { state } = entry;
  return {
    traceId: state.traceId,
    rootSpanId: state.rootSpanId,
    startedAt: state.admittedAt,
    rolloutId: state.rolloutId,
    state: flushState(entry),
  };
}

function flushState({ state, description }: FlushableEntry): FlushableRun['state'] {
  if (description.controls?.run.sampledOut) return 'sampled_out';
  const drained = state.unsent === 0 && state.sending === 0;
  // A joined rollout is finished by its owner: ours is done once every span is stored.
  if (state.phase === 'joined') return drained && state.outcome ? 'stored' : 'pending';
  if (state.phase === 'abandoned' || state.phase === 'refused') return 'lost';
  if (state.phase !== 'done') return 'pending';
  if (!state.rolloutId || state.lost > 0) return 'lost';
  return drained ? 'stored' : 'pending';
}

/** The answer for `target` now, or how long to wait before looking again. */
export function flushOutcome(
  runs: readonly FlushableRun[],
  target: FlushTarget,
  leftMs: number,
): { result: FlushRunResult; waitMs: 0 } | { result: undefined; waitMs: number } {
  const chosen = runsOfTarget(runs, target);
  const result = flushResult(chosen);
  if (result) return { result, waitMs: 0 };
  if (leftMs <= 0) return { result: summarize(chosen), waitMs: 0 };
  return { result: undefined, waitMs: Math.min(leftMs, 50) };
}
