import type { Rollout, Span } from '@agl/client';
import { compareByEnd, isLlmCall, rootOf } from './span-lookup.ts';

/** Where a reward span goes so that AGL's adapters give it to the rollout's last LLM call. */
export interface RewardPlacement {
  rolloutId: string;
  /** The attempt whose spans hold the LLM calls (the latest one). */
  attemptId: string;
  /** That attempt's spans, sorted by sequence id. */
  spans: Span[];
  traceId: string;
  /** The agent span (metadata `agent_span_id`), else the root above the last LLM call. */
  parentId: string | null;
  llmCalls: number;
  /** Epoch seconds: the reward must start at or after this (the attempt's last span end). */
  notBefore: number;
}

export type PlacementResult =
  | { ok: true; placement: RewardPlacement }
  | { ok: false; reason: string };

const HEX_TRACE_ID = /^[0-9a-f]{32}$/;
const HEX_SPAN_ID = /^[0-9a-f]{16}$/;

/**
 * Picks the attempt to reward (the rollout's latest attempt, else the attempt of the span with
 * the highest sequence id, which is what AGL 0.2 calls `latest`) and checks it has LLM calls
 * (spans named like `openai.chat.completion`) a reward can attach to.
 */
export function placeReward(rollout: Rollout, spans: readonly Span[]): PlacementResult {
  const latest = latestAttemptSpans(rollout, spans);
  if (latest === null) return { ok: false, reason: 'the rollout has no spans' };
  const { attemptId, spans: attemptSpans } = latest;
  const calls = attemptSpans.filter(isLlmCall).sort(compareByEnd);
  const lastCall = calls.at(-1);
  if (lastCall === undefined) {
    return {
      ok: false,
      reason: `no LLM call span (openai.chat.completion) in attempt ${attemptId}, so a trainer has nothing to attach a reward to`,
    };
  }
  const byId = new Map(attemptSpans.map((span) => [span.span_id, span]));
  const declared = rollout.metadata?.agent_span_id;
  const agent =
    typeof declared === 'string' && byId.has(declared)
      ? (byId.get(declared) as Span)
      : rootOf(lastCall, byId);
  const metadataTrace = rollout.metadata?.trace_id;
  const traceId = [agent.trace_id, metadataTrace, lastCall.trace_id].find(
    (id): id is string => typeof id === 'string' && HEX_TRACE_ID.test(id),
  );
  if (traceId === undefined) {
    return { ok: false, reason: 'no span carries a 32-hex-digit trace id to put the reward in' };
  }
  let notBefore = -Infinity;
  for (const span of attemptSpans) {
    notBefore = Math.max(notBefore, span.end_time ?? -Infinity, span.start_time ?? -Infinity);
  }
  return {
    ok: true,
    placement: {
      rolloutId: rollout.rollout_id,
      attemptId,
      spans: attemptSpans,
      traceId,
      parentId: HEX_SPAN_ID.test(agent.span_id) ? agent.span_id : null,
      llmCalls: calls.length,
      notBefore,
    },
  };
}

/**
 * The spans of the attempt a trainer reads, sorted by sequence id: the rollout's latest attempt
 * when it has spans, else the attempt of the span with the highest sequence id (what AGL 0.2's
 * `query_spans(attempt_id="latest")` returns). Null without spans.
 */
export function latestAttemptSpans(
  rollout: Rollout,
  spans: readonly Span[],
): { attemptId: string; spans: Span[] } | null {
  if (spans.length === 0) return null;
  let attemptId = rollout.attempt?.attempt_id;
  if (attemptId === undefined || !spans.some((span) => span.attempt_id === attemptId)) {
    let highest = spans[0] as Span;
    for (const span of spans) if (span.sequence_id > highest.sequence_id) highest = span;
    attemptId = highest.attempt_id;
  }
  return {
    attemptId,
    spans: spans
      .filter((span) => span.attempt_id === attemptId)
      .sort((a, b) => a.sequence_id - b.sequence_id),
  };
}
