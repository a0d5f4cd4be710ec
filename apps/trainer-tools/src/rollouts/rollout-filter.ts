import type { Rollout, RolloutStatus, Span } from '@agl/client';
import { agentFromMetadata, spanFacts } from '@agl/snapshot';

/** Which rollouts a command looks at; null means "any". */
export interface RolloutFilter {
  /** Epoch seconds; rollouts that started at or after it. */
  since: number | null;
  /** Epoch seconds; rollouts that started before it. */
  until: number | null;
  agents: string[] | null;
  statuses: RolloutStatus[] | null;
  ids: string[] | null;
}

export const NO_FILTER: RolloutFilter = {
  since: null,
  until: null,
  agents: null,
  statuses: null,
  ids: null,
};

/**
 * Everything that can be decided from the rollout alone: time, status, id, and the agent when
 * the metadata names it. `agentPending` says the agent must still be read from the spans.
 */
export function matchRollout(
  filter: RolloutFilter,
  rollout: Rollout,
): { matches: boolean; agentPending: boolean } {
  const no = { matches: false, agentPending: false };
  if (filter.since !== null && rollout.start_time < filter.since) return no;
  if (filter.until !== null && rollout.start_time >= filter.until) return no;
  if (filter.statuses !== null && !filter.statuses.includes(rollout.status)) return no;
  if (filter.ids !== null && !filter.ids.includes(rollout.rollout_id)) return no;
  if (filter.agents === null) return { matches: true, agentPending: false };
  const agent = agentFromMetadata(rollout);
  if (agent === null) return { matches: true, agentPending: true };
  return { matches: filter.agents.includes(agent), agentPending: false };
}

/** The agent check for rollouts whose metadata does not name one (the topmost agent span). */
export function matchAgentInSpans(filter: RolloutFilter, spans: readonly Span[]): boolean {
  if (filter.agents === null) return true;
  const agent = spanFacts(spans).agent;
  return agent !== null && filter.agents.includes(agent);
}
