import type { Event1, Rollout1 } from '@agl/client';
import { describe, expect, it } from 'vitest';
import {
  currentAttemptId,
  GATEWAY_ANSWER_SOURCE,
  gatewayAnswer,
  hasRewardEvent,
  server1EvaluationContext,
} from './server-1-context.ts';

function rollout(overrides: Partial<Rollout1['status']> = {}): Rollout1 {
  return {
    rollout_id: 'r-1',
    input: { postId: 'post-001', post: { text: 'hi' } },
    is_train: false,
    config: { timeout_seconds: 60 },
    metadata: { agent_name: 'postAnalyzer' },
    status: {
      state: 'succeeded',
      k8s_job_name: null,
      last_attempt_id: 'a-7',
      error_message: null,
      version: 3,
      created_at: 100,
      updated_at: 130,
      ...overrides,
    },
  };
}

function modelRequest(content: unknown, status = 'ok'): Event1 {
  return {
    event_type: 'model_request',
    rollout_id: 'r-1',
    attempt_id: 'a-7',
    timestamp: 1,
    data: { status, response: { choices: [{ message: { role: 'assistant', content } }] } },
  };
}

describe('currentAttemptId', () => {
  it('is the last attempt, else AGL’s default attempt', () => {
    expect(currentAttemptId(rollout())).toBe('a-7');
    expect(currentAttemptId(rollout({ last_attempt_id: null }))).toBe('0');
  });
});

describe('gatewayAnswer', () => {
  it('reads the last answered call, skipping failed ones', () => {
    const answer = gatewayAnswer([
      modelRequest('first'),
      modelRequest('{"sentiment":"positive"}'),
      modelRequest(null, 'error'),
    ]);
    expect(answer).toEqual({
      text: '{"sentiment":"positive"}',
      structured: { sentiment: 'positive' },
      source: GATEWAY_ANSWER_SOURCE,
    });
  });

  it('has no answer when the last call carries no text', () => {
    expect(gatewayAnswer([modelRequest('  ')]).text).toBeNull();
    expect(gatewayAnswer([]).text).toBeNull();
  });

  it('keeps a text answer that is not an object as text only', () => {
    expect(gatewayAnswer([modelRequest('[1,2]')])).toMatchObject({
      text: '[1,2]',
      structured: undefined,
    });
  });
});

describe('server1EvaluationContext', () => {
  it('gives the input as text and the gateway answer', () => {
    const context = server1EvaluationContext(rollout(), [modelRequest('done')]);
    expect(context.spans).toEqual([]);
    expect(context.inputText).toBe(JSON.stringify(rollout().input));
    expect(context.output.text).toBe('done');
  });
});

describe('hasRewardEvent', () => {
  it('looks for reward events only', () => {
    expect(hasRewardEvent([modelRequest('x')])).toBe(false);
    expect(
      hasRewardEvent([
        { event_type: 'reward', rollout_id: 'r', attempt_id: '0', timestamp: 1, data: {} },
      ]),
    ).toBe(true);
  });
});
