import { makeSpan } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { currentReward, hasReward } from './has-reward.ts';

describe('hasReward', () => {
  it('sees both reward formats, as the dashboards do', () => {
    expect(hasReward([makeSpan({ name: 'openai.chat.completion' })])).toBe(false);
    expect(
      hasReward([makeSpan({ name: 'agentlightning.reward', attributes: { reward: 0 } })]),
    ).toBe(true);
    expect(
      hasReward([makeSpan({ name: 'x', attributes: { 'agentlightning.reward.0.value': 1 } })]),
    ).toBe(true);
    // `reward` on an ordinary span is not a reward.
    expect(hasReward([makeSpan({ name: 'tool', attributes: { reward: 1 } })])).toBe(false);
  });

  it('reports the latest reward by sequence id', () => {
    const spans = [
      makeSpan({ name: 'agentlightning.reward', sequence_id: 9, attributes: { reward: 0.9 } }),
      makeSpan({ name: 'agentlightning.reward', sequence_id: 4, attributes: { reward: 0.1 } }),
    ];
    expect(currentReward(spans)).toBe(0.9);
  });
});
