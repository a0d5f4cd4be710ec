import type { Event1 } from '@agl/client';

/** What one AGL 1.0 rollout's events say: its gateway calls and its reward. */
export interface Server1EventFacts {
  modelCalls: number;
  failedModelCalls: number;
  /** The last reward event's value; null when there is none. */
  reward: number | null;
  rewardEvents: number;
  promptTokens: number;
  completionTokens: number;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Facts of one rollout's (untrimmed) events. Pure. */
export function summarizeEvents(events: readonly Event1[]): Server1EventFacts {
  const facts: Server1EventFacts = {
    modelCalls: 0,
    failedModelCalls: 0,
    reward: null,
    rewardEvents: 0,
    promptTokens: 0,
    completionTokens: 0,
  };
  for (const event of events) {
    if (event.event_type === 'model_request') {
      facts.modelCalls += 1;
      if (event.data.status === 'error') facts.failedModelCalls += 1;
      const usage = (event.data.usage ?? {}) as Record<string, unknown>;
      facts.promptTokens += numberOr(usage.prompt_tokens, 0);
      facts.completionTokens += numberOr(usage.completion_tokens, 0);
    } else if (event.event_type === 'reward') {
      facts.rewardEvents += 1;
      const value = event.data.value;
      if (typeof value === 'number' && Number.isFinite(value)) facts.reward = value;
    }
  }
  return facts;
}
