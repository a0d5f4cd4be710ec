import type { Attempt, AttemptedRollout, ResourcesUpdate } from '@agl/client';
import type { Span } from '@opentelemetry/api';
import type { ResolvedLlm } from './llm-resource.ts';

/** Everything a task gets to run one rollout. */
export interface RolloutContext {
  /** The dequeued rollout: `input`, `mode`, `metadata`, `config`. */
  rollout: AttemptedRollout;
  /** The attempt this worker claimed. */
  attempt: Attempt;
  /** The resources the rollout names, else AGL's latest; null when AGL has none. */
  resources: ResourcesUpdate | null;
  /**
   * The LLM resource called `name` (default: the first LLM or proxy LLM published), with a
   * `proxy_llm` URL already pointing at this rollout and attempt. Undefined when there is none.
   */
  llm(name?: string): ResolvedLlm | undefined;
  workerId: string;
  /** Aborted when the worker stops before the run ends (drain timeout). */
  signal: AbortSignal;
  /**
   * The run's root span, active while the task runs: every span the task starts (an agent's
   * spans through OpenTelemetry context) lands in this rollout and attempt.
   */
  span: Span;
}

/**
 * Runs the agent on one rollout. Resolve with a finite number to emit it as the rollout's reward,
 * or with null/undefined for none. Throwing finishes the attempt as failed (AGL then retries per
 * the rollout's `retry_condition`).
 */
export type RolloutTask = (context: RolloutContext) => Promise<number | null | undefined>;
