import type { AglServerClient } from '@agl/client';
import type { RolloutDetail } from '../types.ts';
import { summarizeServer1Rollout } from './collect-server-1-snapshot.ts';
import { server1DashboardRollout } from './dashboard-snapshot.ts';
import { server1RolloutView } from './rollout-view.ts';
import { summarizeEvents } from './summarize-events.ts';

/**
 * One AGL 1.0 rollout for a detail view: its summary from its events; no attempts or span tree,
 * since 1.0 keeps neither. Null when the server has no such rollout.
 */
export async function getServer1RolloutDetail(
  client: AglServerClient,
  rolloutId: string,
  options: { now?: () => number } = {},
): Promise<RolloutDetail | null> {
  const detail = await client.getRollout(rolloutId);
  if (detail === null) return null;
  const events = await client.listEvents(rolloutId);
  const facts = summarizeServer1Rollout(detail.rollout, summarizeEvents(events));
  return {
    rollout: server1RolloutView(detail.rollout),
    summary: server1DashboardRollout(facts, (options.now ?? Date.now)()),
    attempts: [],
    tree: [],
  };
}
