import type { AglServerClient, Page, Rollout1, RolloutState1 } from '@agl/client';
import {
  type RolloutSummary,
  server1DashboardRollout,
  summarizeEvents,
  summarizeServer1Rollout,
} from '@agl/snapshot';
import pMap from 'p-map';
import type { RolloutFilter } from './rollout-listing.ts';

const SERVER_1_STATES: readonly RolloutState1[] = ['queuing', 'running', 'succeeded', 'failed'];

/**
 * `GET /api/rollouts` on an AGL 1.0 agl-server, newest first: the rollouts of the wanted states
 * are listed once, filtered by creation time and metadata `agent_name` here (1.0 keeps no agent
 * spans), and only the page's rollouts have their events read.
 */
export async function listServer1Rollouts(
  client: AglServerClient,
  filter: RolloutFilter,
  options: { now: number },
): Promise<Page<RolloutSummary>> {
  const wanted = filter.status?.length ? filter.status : SERVER_1_STATES;
  const states = SERVER_1_STATES.filter((state) => wanted.includes(state));
  const empty = { items: [], total: 0, limit: filter.limit, offset: filter.offset };
  // A filter of only 0.x states (preparing, cancelled, …) matches nothing on 1.0.
  if (states.length === 0) return empty;
  const agent = filter.agent?.toLowerCase();
  const candidates = (await client.listRollouts([...states], 1_000_000))
    .filter((rollout) => inTimeRange(rollout, filter))
    .filter((rollout) => agent === undefined || agentOf(rollout)?.toLowerCase() === agent)
    .sort(
      (a, b) =>
        b.status.created_at - a.status.created_at || b.rollout_id.localeCompare(a.rollout_id),
    );
  const page = candidates.slice(filter.offset, filter.offset + filter.limit);
  const items = await pMap(
    page,
    async (rollout) =>
      server1DashboardRollout(
        summarizeServer1Rollout(
          rollout,
          summarizeEvents(await client.listEvents(rollout.rollout_id)),
        ),
        options.now,
      ),
    { concurrency: 8 },
  );
  return { items, total: candidates.length, limit: filter.limit, offset: filter.offset };
}

function agentOf(rollout: Rollout1): string | null {
  const name = rollout.metadata?.agent_name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

function inTimeRange(rollout: Rollout1, filter: RolloutFilter): boolean {
  const createdAt = rollout.status.created_at * 1000;
  return (
    (filter.since === undefined || createdAt >= filter.since) &&
    (filter.until === undefined || createdAt <= filter.until)
  );
}
