import type { AttemptPatch, RolloutPatch, RolloutRequest } from '@agl/client';
import { toSafeJsonValue } from '@agl/converter';
import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import type { ResolvedOptions } from './options.ts';
import { rolloutInput, rolloutMetadata } from './rollout-info.ts';
import { finalStatus } from './run-lifecycle.ts';
import type { RunState } from './run-state.ts';

/** What the engine knows of a run's agent span and input, for its rollout's fields. */
export interface RunDescription {
  /** The ended root span, or the started one (processor) before it ends. */
  root: ReadableSpan | Span | undefined;
  rootEnded: boolean;
  /** The first input found on the run's other spans, in the order they ended. */
  fallbackInput: unknown;
}

function safeRecord(value: unknown): Record<string, unknown> {
  const safe = toSafeJsonValue(value);
  return safe !== null && typeof safe === 'object' && !Array.isArray(safe)
    ? (safe as Record<string, unknown>)
    : {};
}

function baseMetadata(
  run: RunState,
  description: RunDescription,
  options: ResolvedOptions,
): Record<string, unknown> {
  const extra: Record<string, unknown> = { ...options.metadata };
  if (run.previousRolloutIds.length > 0) {
    extra.recreated_after_store_restart = run.previousRolloutIds.length;
    extra.previous_rollout_ids = [...run.previousRolloutIds];
  }
  return description.root
    ? rolloutMetadata(description.root, extra)
    : { ...extra, source: 'otel', trace_id: run.traceId };
}

function input(description: RunDescription): unknown {
  if (!description.rootEnded || !description.root) return null;
  return rolloutInput(description.root) ?? description.fallbackInput ?? null;
}

/** The request that creates the run's rollout; final when the root span has ended. */
export function createRolloutRequest(
  run: RunState,
  description: RunDescription,
  options: ResolvedOptions,
): RolloutRequest {
  const request: RolloutRequest = {
    input: toSafeJsonValue(input(description)),
    mode: options.mode,
    metadata: safeRecord(lossMetadata(run, baseMetadata(run, description, options))),
  };
  if (options.rolloutConfig) request.config = options.rolloutConfig;
  return request;
}

/**
 * The rollout patch written when the run finishes: the final input and metadata when the
 * rollout was created before its root span ended, and the loss record when spans are missing.
 * Undefined when the rollout already says everything.
 */
export function finishRolloutPatch(
  run: RunState,
  description: RunDescription,
  options: ResolvedOptions,
): RolloutPatch | undefined {
  if (run.describedAtCreate && run.lost === 0) return undefined;
  return {
    input: toSafeJsonValue(input(description)),
    metadata: safeRecord(lossMetadata(run, baseMetadata(run, description, options))),
  };
}

/** The attempt patch that finishes the run. */
export function finishAttemptPatch(run: RunState): AttemptPatch {
  const status = finalStatus(run);
  const error =
    run.lost > 0
      ? `${run.lost} of ${run.stored + run.lost} spans never reached the store (${run.lossReason}); the rollout is incomplete`
      : run.outcome?.error;
  return {
    status,
    ...(error ? { metadata: { error: toSafeJsonValue(error) } } : {}),
  };
}

/** Tells a trainer the rollout is incomplete, how much is missing and what the agent did. */
function lossMetadata(run: RunState, metadata: Record<string, unknown>): Record<string, unknown> {
  if (run.lost === 0) return metadata;
  return {
    ...metadata,
    incomplete: true,
    lost_spans: run.lost,
    lost_reason: run.lossReason ?? null,
    agent_status: run.outcome?.status ?? null,
    agent_error: run.outcome?.error ?? null,
  };
}
