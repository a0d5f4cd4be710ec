import { rewardOf, validateSpan } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { AGENT_SPAN_ID, mastraRun, TRACE_ID } from '../test/support/mastra-run.ts';
import { placeReward } from './reward-placement.ts';
import { buildRewardSpan, rewardAttributes } from './reward-span.ts';
import type { RolloutScore } from './types.ts';

const score: RolloutScore & { reward: number } = {
  reward: 0.75,
  scores: [
    { name: 'ground-truth', version: '1', weight: 0.6, value: 1, details: 'sentiment ok' },
    { name: 'schema', version: '2', weight: 0.2, value: null, details: null },
    { name: 'judge', version: '1:m', weight: 0.2, value: 0, details: '0/10: bad' },
  ],
};

function placement() {
  const { rollout, spans } = mastraRun();
  const result = placeReward(rollout, spans);
  if (!result.ok) throw new Error(result.reason);
  return result.placement;
}

describe('rewardAttributes', () => {
  it('writes the 0.2 and 0.3 formats plus every evaluator part', () => {
    expect(rewardAttributes(score, 'agl-eval')).toEqual({
      reward: 0.75,
      'agentlightning.reward.0.name': 'primary',
      'agentlightning.reward.0.value': 0.75,
      'agentlightning.reward.1.name': 'ground-truth',
      'agentlightning.reward.1.value': 1,
      'agentlightning.reward.2.name': 'judge',
      'agentlightning.reward.2.value': 0,
      'agl.reward.ground-truth.value': 1,
      'agl.reward.ground-truth.weight': 0.6,
      'agl.reward.ground-truth.details': 'sentiment ok',
      'agl.reward.schema.weight': 0.2,
      'agl.reward.judge.value': 0,
      'agl.reward.judge.weight': 0.2,
      'agl.reward.judge.details': '0/10: bad',
      'agl.reward.evaluator_version': 'ground-truth@1,schema@2,judge@1:m',
      'agl.reward.source': 'agl-eval',
    });
  });
});

describe('buildRewardSpan', () => {
  it('builds a valid span under the agent span that the dashboards read', () => {
    const span = buildRewardSpan({
      placement: placement(),
      score,
      sequenceId: 42,
      spanId: '00000000000000aa',
      now: 2000,
      source: 'agl-eval',
    });
    expect(validateSpan(span)).toEqual([]);
    expect(span).toMatchObject({
      rollout_id: 'ro-000000000001',
      attempt_id: 'at-00000001',
      sequence_id: 42,
      trace_id: TRACE_ID,
      parent_id: AGENT_SPAN_ID,
      name: 'agentlightning.reward',
      start_time: 2000,
      end_time: 2000,
      parent: { span_id: AGENT_SPAN_ID, trace_id: TRACE_ID },
      context: { span_id: '00000000000000aa' },
    });
    expect(rewardOf(span)).toBe(0.75);
  });

  it('starts after the last span even when the local clock is behind', () => {
    const span = buildRewardSpan({
      placement: placement(),
      score,
      sequenceId: 8,
      spanId: '00000000000000ab',
      now: 10,
      source: 'agl-eval',
    });
    expect(span.start_time).toBeGreaterThan(1000.9);
    expect(span.end_time).toBe(span.start_time);
  });
});
