import { makeSpan } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { AGENT_SPAN_ID, mastraRun, TRACE_ID } from '../test/support/mastra-run.ts';
import { placeReward } from './reward-placement.ts';

describe('placeReward', () => {
  it('puts the reward under the agent span, after every span of the attempt', () => {
    const { rollout, spans } = mastraRun();
    const result = placeReward(rollout, spans);
    if (!result.ok) throw new Error(result.reason);
    expect(result.placement).toMatchObject({
      rolloutId: 'ro-000000000001',
      attemptId: 'at-00000001',
      traceId: TRACE_ID,
      parentId: AGENT_SPAN_ID,
      llmCalls: 3,
      notBefore: 1000.9,
    });
    expect(result.placement.spans.map((span) => span.sequence_id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("uses the rollout's latest attempt and only its spans", () => {
    const old = mastraRun({ attemptId: 'at-old' }).spans;
    const { rollout, spans } = mastraRun({ attemptId: 'at-new' });
    const shifted = spans.map((span) => ({ ...span, sequence_id: span.sequence_id + 100 }));
    const withAttempt = { ...rollout, attempt: { ...attempt('at-new') } };
    const result = placeReward(withAttempt, [...old, ...shifted]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.placement.attemptId).toBe('at-new');
    expect(result.placement.spans).toHaveLength(7);
  });

  it('without a known attempt takes the attempt of the highest sequence id (AGL 0.2 "latest")', () => {
    const { rollout, spans } = mastraRun({ attemptId: 'at-a' });
    const later = mastraRun({ attemptId: 'at-b' }).spans.map((span) => ({
      ...span,
      sequence_id: span.sequence_id + 50,
    }));
    const result = placeReward(rollout, [...spans, ...later]);
    expect(result.ok && result.placement.attemptId).toBe('at-b');
  });

  it('falls back to the root above the last LLM call without agent metadata', () => {
    const { rollout, spans } = mastraRun();
    const result = placeReward({ ...rollout, metadata: {} }, spans);
    expect(result.ok && result.placement.parentId).toBe(AGENT_SPAN_ID);
  });

  it('refuses a rollout without spans or without LLM calls, saying why', () => {
    const { rollout } = mastraRun();
    expect(placeReward(rollout, [])).toEqual({ ok: false, reason: 'the rollout has no spans' });
    const result = placeReward(rollout, [makeSpan({ name: 'invoke_agent x' })]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/no LLM call span \(openai\.chat\.completion\)/);
  });
});

function attempt(attemptId: string) {
  return {
    rollout_id: 'ro-000000000001',
    attempt_id: attemptId,
    sequence_id: 2,
    start_time: 1000,
    end_time: 1001,
    status: 'succeeded' as const,
    worker_id: null,
    last_heartbeat_time: null,
    metadata: null,
  };
}
