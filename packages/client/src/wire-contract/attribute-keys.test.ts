import { describe, expect, it } from 'vitest';
import { rewardAttributeKeys } from './attribute-keys.ts';

describe('rewardAttributeKeys', () => {
  it("names AGL 0.3's reward dimension keys by index", () => {
    expect(rewardAttributeKeys(0)).toEqual({
      name: 'agentlightning.reward.0.name',
      value: 'agentlightning.reward.0.value',
    });
    expect(rewardAttributeKeys(2).value).toBe('agentlightning.reward.2.value');
  });
});
