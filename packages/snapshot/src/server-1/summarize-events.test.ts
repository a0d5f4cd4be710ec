import type { Event1 } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { summarizeEvents } from './summarize-events.ts';

function event(event_type: string, data: Record<string, unknown>): Event1 {
  return { event_type, data, rollout_id: 'r', attempt_id: '0', timestamp: 1 };
}

describe('summarizeEvents', () => {
  it('counts gateway calls and their tokens, and keeps the last finite reward', () => {
    const facts = summarizeEvents([
      event('model_request', { status: 'ok', usage: { prompt_tokens: 10, completion_tokens: 3 } }),
      event('model_request', { status: 'error', usage: null }),
      event('reward', { value: 0.25 }),
      event('reward', { value: 'not a number' }),
      event('custom', {}),
    ]);
    expect(facts).toEqual({
      modelCalls: 2,
      failedModelCalls: 1,
      reward: 0.25,
      rewardEvents: 2,
      promptTokens: 10,
      completionTokens: 3,
    });
  });

  it('says null when there is no reward', () => {
    expect(summarizeEvents([]).reward).toBeNull();
  });
});
