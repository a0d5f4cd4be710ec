import {
  type AglStore,
  ATTEMPT_ID_KEY,
  type AttemptedRollout,
  type Attributes,
  ROLLOUT_ID_KEY,
} from '@agl/client';
import { type Span, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { resolveLlm } from './llm-resource.ts';
import { loadResources } from './load-resources.ts';
import { buildRewardSpan } from './reward-span.ts';
import type { RolloutTask } from './rollout-task.ts';
import { errorMessage } from './worker-events.ts';

export const ROOT_SPAN_NAME = 'agl.worker.rollout';

/** Where the worker's spans go: the tracer of a provider that exports to AGL, and its flush. */
export interface WorkerTracingHandle {
  tracer: Tracer;
  /** Delivers every span ended so far to AGL (the exporter's forceFlush). */
  flush(): Promise<void>;
  /** Copied onto the reward span's resource, e.g. `service.name`. */
  resourceAttributes?: Attributes;
}

export interface RunRolloutOptions {
  store: AglStore;
  task: RolloutTask;
  workerId: string;
  tracing: WorkerTracingHandle;
  signal: AbortSignal;
  /** True once the worker finished the attempt itself (a task that ignored the abort). */
  finished(): boolean;
  /** Written as `agent.name` on the root span: AGL's adapters label LLM calls with it. */
  agentName: string | undefined;
  warn(message: string): void;
}

export interface RunOutcome {
  status: 'succeeded' | 'failed';
  reward: number | null;
  error: string | null;
  /** The final status reached AGL. */
  reported: boolean;
}

/**
 * Runs one dequeued rollout: looks up its resources, runs the task inside a root span that carries
 * the rollout and attempt ids (so the exporter adds every span of the run to this attempt instead
 * of starting a rollout), stores the reward, and finishes the attempt through `finish`, which the
 * worker owns (it heartbeats the attempt meanwhile, and may finish a stuck run itself).
 * Never throws.
 */
export async function runRollout(
  rollout: AttemptedRollout,
  options: RunRolloutOptions,
  finish: (outcome: Omit<RunOutcome, 'reported'>) => Promise<boolean>,
): Promise<RunOutcome> {
  const { store, workerId, tracing } = options;
  const rolloutId = rollout.rollout_id;
  const attemptId = rollout.attempt.attempt_id;
  let reward: number | null = null;
  let error: string | null = null;
  let root: Span | undefined;
  try {
    const resources = await loadResources(store, rollout);
    const ids = { rolloutId, attemptId };
    const result = await tracing.tracer.startActiveSpan(
      ROOT_SPAN_NAME,
      { root: true, attributes: rootAttributes(rollout, workerId, options.agentName) },
      async (span) => {
        root = span;
        try {
          return await options.task({
            rollout,
            attempt: rollout.attempt,
            resources,
            llm: (name) => resolveLlm(resources?.resources, ids, name),
            workerId,
            signal: options.signal,
            span,
          });
        } catch (failure) {
          span.recordException(failure instanceof Error ? failure : String(failure));
          span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(failure) });
          throw failure;
        } finally {
          span.end();
        }
      },
    );
    if (typeof result === 'number') {
      if (!Number.isFinite(result)) throw new Error(`the task returned the reward ${result}`);
      reward = result;
    } else if (result !== null && result !== undefined) {
      throw new Error(`the task must resolve with a number or nothing, got ${typeof result}`);
    }
  } catch (failure) {
    error = errorMessage(failure);
  }

  // Everything the run traced is in AGL before the reward takes the next sequence id.
  try {
    await tracing.flush();
  } catch (failure) {
    options.warn(`flushing the run's spans failed: ${errorMessage(failure)}`);
  }
  if (error === null && reward !== null && root !== undefined && !options.finished()) {
    try {
      const sequenceId = await store.nextSequenceId(rolloutId, attemptId);
      const context = root.spanContext();
      await store.addSpan(
        buildRewardSpan({
          rolloutId,
          attemptId,
          sequenceId,
          traceId: context.traceId,
          parentSpanId: context.spanId,
          reward,
          ...(tracing.resourceAttributes ? { resourceAttributes: tracing.resourceAttributes } : {}),
        }),
      );
    } catch (failure) {
      error = `the reward could not be stored: ${errorMessage(failure)}`;
    }
  }
  const outcome =
    error === null
      ? { status: 'succeeded' as const, reward, error: null }
      : { status: 'failed' as const, reward: null, error };
  const reported = await finish(outcome);
  return { ...outcome, reported };
}

function rootAttributes(
  rollout: AttemptedRollout,
  workerId: string,
  agentName: string | undefined,
): Attributes {
  return {
    // The exporter takes the outermost agent span as the run's root and joins the ids it carries.
    'gen_ai.operation.name': 'invoke_agent',
    [ROLLOUT_ID_KEY]: rollout.rollout_id,
    [ATTEMPT_ID_KEY]: rollout.attempt.attempt_id,
    'agl.worker.id': workerId,
    'agl.attempt.sequence_id': rollout.attempt.sequence_id,
    ...(rollout.mode === null ? {} : { 'agl.rollout.mode': rollout.mode }),
    ...(agentName === undefined ? {} : { 'agent.name': agentName }),
  };
}
