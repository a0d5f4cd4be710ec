import { makeRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { hex, rewardSpan, span } from '../../test/support/spans.ts';
import { trainingRecords } from './training-records.ts';

const rollout = makeRollout({
  rollout_id: 'ro-1',
  status: 'succeeded',
  metadata: { postId: 'p-1' },
});

describe('trainingRecords', () => {
  it('pairs each LLM call with its messages and its triplet', () => {
    const spans = [
      span('a', null, 'invoke_agent x', [0, 5], { 'agent.name': 'x' }),
      span('c', 'a', 'openai.chat.completion', [1, 2], {
        'gen_ai.prompt.0.role': 'user',
        'gen_ai.prompt.0.content': 'hi',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.content': 'hello',
      }),
      rewardSpan('r', 'a', 6, 1),
    ];
    expect(trainingRecords(rollout, spans, { version: '0.3', rolloutReward: 1 })).toEqual([
      {
        rollout_id: 'ro-1',
        attempt_id: 'at-00000001',
        span_id: hex('c'),
        index: 0,
        calls: 1,
        status: 'succeeded',
        mode: null,
        rollout_reward: 1,
        rollout_metadata: { postId: 'p-1' },
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'hello' },
        ],
        tools: null,
        triplet: {
          prompt: { token_ids: [] },
          response: { token_ids: [] },
          reward: 1,
          metadata: { response_id: null, agent_name: 'x' },
        },
      },
    ]);
  });

  it('keeps the call, without messages, when its GenAI attributes cannot become messages', () => {
    const spans = [
      span('c', null, 'openai.chat.completion', [1, 2], { 'gen_ai.prompt.0.role': 'wizard' }),
    ];
    const [record] = trainingRecords(rollout, spans, { version: '0.2', rolloutReward: null });
    expect(record?.messages).toBeNull();
    expect(record?.messages_error).toMatch(/"wizard" is not an OpenAI chat role/);
    expect(record?.triplet.metadata.agent_name).toBe('*');
  });
});
