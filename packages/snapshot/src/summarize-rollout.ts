import { type Attempt, findReward, type Rollout, type Span } from '@agl/client';
import { agentFromMetadata, agentFromSpans } from './agent-name.ts';
import { errorFromAttempt, errorFromSpans } from './rollout-error.ts';
import { SpanIndex } from './span-index.ts';
import { sumTokenUsage } from './token-usage.ts';
import type { RolloutSummary } from './types.ts';

/** What a rollout's spans say about it. */
export interface SpanFacts {
  spanCount: number;
  agent: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  reward: number | null;
  error: string | null;
}

/** What a rollout's attempts say about it. */
export interface AttemptFacts {
  attempts: number;
  error: string | null;
}

export interface SummarizeOptions {
  /** Every attempt of the rollout; without it the rollout's own latest `attempt` is used. */
  attempts?: readonly Attempt[];
  /** Epoch milliseconds used as the end of running rollouts; defaults to `Date.now()`. */
  now?: number;
}

export function spanFacts(spans: readonly Span[]): SpanFacts {
  const index = new SpanIndex(spans);
  return {
    spanCount: index.spans.length,
    agent: agentFromSpans(index),
    ...sumTokenUsage(index),
    reward: findReward(index.spans),
    error: errorFromSpans(index),
  };
}

export function attemptFacts(rollout: Rollout, attempts?: readonly Attempt[]): AttemptFacts {
  const known = attempts ?? (rollout.attempt ? [rollout.attempt] : []);
  let latest: Attempt | null = null;
  for (const attempt of known) {
    if (latest === null || attempt.sequence_id > latest.sequence_id) latest = attempt;
  }
  return {
    // Attempt sequence ids count 1, 2, 3…, so the latest one tells how many there were.
    attempts: attempts ? attempts.length : (rollout.attempt?.sequence_id ?? 0),
    error: latest ? errorFromAttempt(latest) : null,
  };
}

/** Puts a summary together from facts gathered separately (and possibly cached). */
export function composeSummary(
  rollout: Rollout,
  spans: SpanFacts | null,
  attempts: AttemptFacts,
  now: number = Date.now(),
): RolloutSummary {
  const startedAt = toMs(rollout.start_time);
  const endedAt = rollout.end_time === null ? null : toMs(rollout.end_time);
  return {
    rolloutId: rollout.rollout_id,
    agent: agentFromMetadata(rollout) ?? spans?.agent ?? null,
    status: rollout.status,
    mode: rollout.mode,
    startedAt,
    endedAt,
    durationMs: Math.max(0, Math.round((endedAt ?? now) - startedAt)),
    attempts: attempts.attempts,
    spanCount: spans?.spanCount ?? null,
    inputTokens: spans?.inputTokens ?? null,
    outputTokens: spans?.outputTokens ?? null,
    reward: spans?.reward ?? null,
    error: errorOf(rollout, spans, attempts),
  };
}

/**
 * A dashboard row for one rollout. Without spans the span-derived fields are null; the agent
 * then comes from metadata only.
 */
export function summarizeRollout(
  rollout: Rollout,
  spans?: readonly Span[] | null,
  options: SummarizeOptions = {},
): RolloutSummary {
  return composeSummary(
    rollout,
    spans ? spanFacts(spans) : null,
    attemptFacts(rollout, options.attempts),
    options.now,
  );
}

function errorOf(rollout: Rollout, spans: SpanFacts | null, attempts: AttemptFacts): string | null {
  if (rollout.status === 'succeeded') return null;
  if (attempts.error !== null) return attempts.error;
  // A failed tool inside a healthy run is not the rollout's error; only explain actual failures.
  if (rollout.status === 'failed' || rollout.status === 'requeuing') return spans?.error ?? null;
  return null;
}

function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}
