import type { Rollout, Rollout1 } from '@agl/client';

const TERMINAL_STATES: readonly string[] = ['succeeded', 'failed'];

/**
 * An AGL 1.0 rollout seen through the 0.x `Rollout` shape that filters, evaluators and detail
 * views read: `start_time` is its creation time, `end_time` its last update once finished,
 * `mode` follows `is_train`. Pure.
 */
export function server1RolloutView(rollout: Rollout1): Rollout {
  const { status } = rollout;
  const finished = TERMINAL_STATES.includes(status.state);
  return {
    rollout_id: rollout.rollout_id,
    input: rollout.input,
    start_time: status.created_at,
    end_time: finished ? status.updated_at : null,
    mode: rollout.is_train ? 'train' : 'val',
    resources_id: null,
    status: status.state,
    config: {
      timeout_seconds: rollout.config.timeout_seconds ?? null,
      unresponsive_seconds: null,
      max_attempts: 1,
      retry_condition: [],
    },
    metadata: { ...rollout.metadata },
  };
}
