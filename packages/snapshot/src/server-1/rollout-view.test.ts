import type { Rollout1 } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { server1RolloutView } from './rollout-view.ts';

function rollout(overrides: Partial<Rollout1['status']> = {}): Rollout1 {
  return {
    rollout_id: 'r-1',
    input: { post: 'hi' },
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

describe('server1RolloutView', () => {
  it('maps the 1.0 lifecycle onto the fields filters and evaluators read', () => {
    expect(server1RolloutView(rollout())).toMatchObject({
      rollout_id: 'r-1',
      start_time: 100,
      end_time: 130,
      mode: 'val',
      status: 'succeeded',
      metadata: { agent_name: 'postAnalyzer' },
    });
    expect(server1RolloutView(rollout({ state: 'running' })).end_time).toBeNull();
  });
});
