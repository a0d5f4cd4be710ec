import { describe, expect, it } from 'vitest';
import { span } from '../../test/support/spans.ts';
import { isRewardSpan, rewardMark } from './reward-value.ts';

const both = span('1', null, 'agentlightning.reward', [1, 1], {
  reward: 0.5,
  'agentlightning.reward.0.name': 'primary',
  'agentlightning.reward.0.value': 0.5,
  'agentlightning.reward.1.name': 'schema',
  'agentlightning.reward.1.value': 1,
});
const legacyOnly = span('2', null, 'agentlightning.reward', [1, 1], { reward: 0.25 });
const dimensionsOnly = span('3', null, 'agentlightning.annotation', [1, 1], {
  'agentlightning.reward.0.name': 'primary',
  'agentlightning.reward.0.value': 0.75,
});

describe('rewardMark', () => {
  it('reads the dual-format span in both versions', () => {
    expect(rewardMark(both, '0.2')).toEqual({ value: 0.5 });
    expect(rewardMark(both, '0.3')).toEqual({ value: 0.5 });
  });

  it("does not read the other version's native format", () => {
    expect(rewardMark(legacyOnly, '0.2')).toEqual({ value: 0.25 });
    expect(rewardMark(legacyOnly, '0.3')).toBeNull();
    expect(rewardMark(dimensionsOnly, '0.3')).toEqual({ value: 0.75 });
    expect(rewardMark(dimensionsOnly, '0.2')).toBeNull();
  });

  it('0.2 treats any agentlightning.reward span as a reward, even without a value', () => {
    const empty = span('4', null, 'agentlightning.reward', [1, 1], { note: 'x' });
    expect(rewardMark(empty, '0.2')).toEqual({ value: null });
    expect(rewardMark(empty, '0.3')).toBeNull();
  });

  it('reads AgentOps reward outputs in both versions', () => {
    const agentops = span('5', null, 'task', [1, 1], {
      'agentops.task.output': '{"type":"reward","value":0.9}',
    });
    expect(rewardMark(agentops, '0.2')).toEqual({ value: 0.9 });
    expect(rewardMark(agentops, '0.3')).toEqual({ value: 0.9 });
  });

  it('0.3 ignores a reward list that is not consecutive name/value pairs', () => {
    const broken = span('6', null, 'x', [1, 1], {
      'agentlightning.reward.0.name': 'primary',
      'agentlightning.reward.0.value': 1,
      'agentlightning.reward.2.name': 'gap',
      'agentlightning.reward.2.value': 1,
    });
    expect(rewardMark(broken, '0.3')).toBeNull();
  });
});

describe('isRewardSpan', () => {
  it('also knows 0.3 reward operations', () => {
    const operation = span('7', null, 'agentlightning.operation', [1, 1], {
      'agentlightning.operation.name': 'agentlightning.reward',
    });
    expect(isRewardSpan(operation, '0.3')).toBe(true);
    expect(isRewardSpan(operation, '0.2')).toBe(false);
  });
});
