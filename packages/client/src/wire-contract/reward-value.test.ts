import { describe, expect, it } from 'vitest';
import type { Span } from '../model.ts';
import { findReward, primaryRewardAttributes, rewardOf } from './reward-value.ts';

function span(name: string, attributes: Span['attributes'], sequenceId = 1, start = 1): Span {
  return {
    rollout_id: 'ro-1',
    attempt_id: 'at-1',
    sequence_id: sequenceId,
    trace_id: '0'.repeat(32),
    span_id: sequenceId.toString(16).padStart(16, '0'),
    parent_id: null,
    name,
    status: { status_code: 'OK', description: null },
    attributes,
    events: [],
    links: [],
    start_time: start,
    end_time: start + 1,
    context: null,
    parent: null,
    resource: { attributes: {}, schema_url: '' },
  };
}

describe('rewardOf', () => {
  it('reads the primary reward on any span, as a number or numeric text', () => {
    expect(rewardOf(span('judge', { 'agentlightning.reward.0.value': 0.5 }))).toBe(0.5);
    expect(rewardOf(span('judge', { 'agentlightning.reward.0.value': '0.25' }))).toBe(0.25);
  });

  it('reads the legacy `reward` only on reward and annotation spans', () => {
    expect(rewardOf(span('agentlightning.reward', { reward: 1 }))).toBe(1);
    expect(rewardOf(span('agentlightning.annotation', { reward: 0 }))).toBe(0);
    expect(rewardOf(span('tool', { reward: 1 }))).toBeNull();
  });

  it('ignores values that are not finite numbers', () => {
    expect(rewardOf(span('agentlightning.reward', { reward: 'high' }))).toBeNull();
    expect(rewardOf(span('agentlightning.reward', { reward: '' }))).toBeNull();
    expect(rewardOf(span('judge', { 'agentlightning.reward.0.value': Number.NaN }))).toBeNull();
  });
});

describe('findReward', () => {
  it('takes the reward span with the highest sequence id, then the latest start', () => {
    const spans = [
      span('agentlightning.reward', { reward: 0.1 }, 3, 10),
      span('agentlightning.reward', { reward: 0.9 }, 5, 1),
      span('agentlightning.reward', { reward: 0.7 }, 5, 2),
      span('chat', {}, 9, 20),
    ];
    expect(findReward(spans)).toBe(0.7);
  });

  it('is null without reward spans', () => {
    expect(findReward([span('chat', {})])).toBeNull();
  });
});

describe('primaryRewardAttributes', () => {
  it('writes what rewardOf reads, for both AGL versions', () => {
    const attributes = primaryRewardAttributes(0.75);
    expect(attributes).toEqual({
      reward: 0.75,
      'agentlightning.reward.0.name': 'primary',
      'agentlightning.reward.0.value': 0.75,
    });
    expect(rewardOf(span('agentlightning.reward', attributes))).toBe(0.75);
  });
});
