import type { AttemptPatch, RolloutPatch, RolloutRequest } from '@agl/client';
import { toSafeJsonValue } from '@agl/converter';
import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import type { ResolvedOptions } from './options.ts';
import { rolloutInput, rolloutMetadata } from './rollout-info.ts';
import type { RunControlState, RunControls } from './run-controls.ts';
import { finalStatus } from './run-lifecycle.ts';
import type { RunState } from './run-state.ts';

/** What the engine knows of a run's agent span and input, for its rollout's fields. */
export interface RunDescription {
  /** The ended root span, or the started one (processor) before it ends. */
  root: ReadableSpan | Span | undefined;
  rootEnded: boolean;
  /** The first input found on the run's other spans, in the order they ended. */
  fallbackInput: unknown;
  /** Sampling, filtering and context of the run, and the controls that apply them. */
  controls?: { run: RunControlState; shared: RunControls };
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
  const extra: Record<string, unknown> = {
    ...options.metadata,
    ...description.controls?.shared.runMetadata(
      description.controls.run,
      description.root?.attributes,
    ),
  };
  if (run.previousRolloutIds.length > 0) {
    extra.recreated_after_store_restart = run.previousRolloutIds.length;
    extra.previous_rollout_ids = [...run.previousRolloutIds];
  }
  return description.root
    ? rolloutMetadata(description.root, extra)
    : { ...extra, source: 'otel', trace_id: run.traceId };
}

/** Input and metadata through the mask (fails closed), before the loss record is added. */
function maskedFields(
  run: RunState,
  description: RunDescription,
  options: ResolvedOptions,
): { input: unknown; metadata: Record<string, unknown> } {
  const fields = { input: input(description), metadata: baseMetadata(run, description, options) };
  return description.controls ? description.controls.shared.mask(fields) : fields;
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
  const fields = maskedFields(run, description, options);
  const request: RolloutRequest = {
    input: toSafeJsonValue(fields.input),
    mode: options.mode,
    metadata: safeRecord(lossMetadata(run, fields.metadata)),
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
  const fields = maskedFields(run, description, options);
  return {
    input: toSafeJsonValue(fields.input),
    metadata: safeRecord(lossMetadata(run, fields.metadata)),
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
