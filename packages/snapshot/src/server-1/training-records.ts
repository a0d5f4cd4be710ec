import type { AglServerClient, Rollout1 } from '@agl/client';

/** One JSONL line of AGL 1.0 training data: a finished rollout's triplets and reward. */
export interface Server1TrainingRecord {
  rollout_id: string;
  state: string;
  is_train: boolean;
  input: unknown;
  reward: number | null;
  /** The gateway's calls, trimmed by AGL (`?format=triplet`): token ids and log-probabilities. */
  triplets: Array<{
    prompt_token_ids: unknown;
    response_token_ids: unknown;
    response_log_probs: unknown;
  }>;
}

/** The training record of one rollout, from AGL's own triplet view of its events. */
export async function trainingRecord(
  client: AglServerClient,
  rollout: Rollout1,
): Promise<Server1TrainingRecord> {
  const events = await client.listEvents(rollout.rollout_id, { format: 'triplet' });
  let reward: number | null = null;
  const triplets: Server1TrainingRecord['triplets'] = [];
  for (const event of events) {
    if (event.event_type === 'reward' && typeof event.data.value === 'number')
      reward = event.data.value;
    if (event.event_type === 'model_request') {
      triplets.push({
        prompt_token_ids: event.data.prompt_token_ids ?? [],
        response_token_ids: event.data.response_token_ids ?? [],
        response_log_probs: event.data.response_log_probs ?? null,
      });
    }
  }
  return {
    rollout_id: rollout.rollout_id,
    state: rollout.status.state,
    is_train: rollout.is_train,
    input: rollout.input,
    reward,
    triplets,
  };
}
