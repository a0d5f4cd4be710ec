import type { AglServerClient, Rollout1, RolloutState1 } from '@agl/client';
import pMap from 'p-map';
import { type Server1EventFacts, summarizeEvents } from './summarize-events.ts';

const STATES: readonly RolloutState1[] = ['queuing', 'running', 'succeeded', 'failed'];

export interface Server1RolloutSummary extends Server1EventFacts {
  rolloutId: string;
  state: RolloutState1;
  isTrain: boolean;
  /** The metadata's `agent_name`; null when it names none. */
  agent: string | null;
  /** Unix seconds. */
  createdAt: number;
  /** Unix seconds. */
  updatedAt: number;
  error: string | null;
}

/** What `agl:status` and the dashboards show of an AGL 1.x agl-server. */
export interface Server1Snapshot {
  version: '1.0';
  endpoint: string;
  takenAt: string;
  byState: Record<RolloutState1, number>;
  total: number;
  /** Rollouts whose events were read (newest first, at most `maxEventFetches`). */
  examined: number;
  /** The finished (succeeded or failed) ones among them. */
  examinedFinished: number;
  rewards: { count: number; mean: number | null; min: number | null; max: number | null };
  modelCalls: number;
  failedModelCalls: number;
  /** Succeeded rollouts with at least one gateway call and a reward: usable for training. */
  trainingReady: number;
  recent: Server1RolloutSummary[];
}

export interface CollectServer1SnapshotOptions {
  /** How many latest rollouts to list. Default 10. */
  recent?: number;
  /** At most this many rollouts have their events read. Default 500. */
  maxEventFetches?: number;
  concurrency?: number;
  now?: () => number;
}

/** Reads an AGL 1.x server: rollouts by state, and the events of the latest ones. */
export async function collectServer1Snapshot(
  client: AglServerClient,
  options: CollectServer1SnapshotOptions = {},
): Promise<Server1Snapshot> {
  const now = options.now ?? Date.now;
  const rollouts = await client.listRollouts([...STATES], 1_000_000);
  const byState = { queuing: 0, running: 0, succeeded: 0, failed: 0 } as Record<
    RolloutState1,
    number
  >;
  for (const rollout of rollouts) byState[rollout.status.state] += 1;
  const newest = [...rollouts].sort((a, b) => b.status.updated_at - a.status.updated_at);
  const examined = newest.slice(0, options.maxEventFetches ?? 500);
  const summaries = await pMap(
    examined,
    async (rollout) =>
      summarizeServer1Rollout(
        rollout,
        summarizeEvents(await client.listEvents(rollout.rollout_id)),
      ),
    { concurrency: options.concurrency ?? 8 },
  );
  const rewards = summaries.flatMap((summary) => (summary.reward === null ? [] : [summary.reward]));
  return {
    version: '1.0',
    endpoint: client.baseUrl,
    takenAt: new Date(now()).toISOString(),
    byState,
    total: rollouts.length,
    examined: summaries.length,
    examinedFinished: summaries.filter(
      (summary) => summary.state === 'succeeded' || summary.state === 'failed',
    ).length,
    rewards: {
      count: rewards.length,
      mean:
        rewards.length === 0
          ? null
          : rewards.reduce((sum, value) => sum + value, 0) / rewards.length,
      min: rewards.length === 0 ? null : Math.min(...rewards),
      max: rewards.length === 0 ? null : Math.max(...rewards),
    },
    modelCalls: summaries.reduce((sum, summary) => sum + summary.modelCalls, 0),
    failedModelCalls: summaries.reduce((sum, summary) => sum + summary.failedModelCalls, 0),
    trainingReady: summaries.filter(
      (summary) =>
        summary.state === 'succeeded' && summary.modelCalls > 0 && summary.reward !== null,
    ).length,
    recent: summaries.slice(0, options.recent ?? 10),
  };
}

/** One rollout and the facts of its events. Pure. */
export function summarizeServer1Rollout(
  rollout: Rollout1,
  facts: Server1EventFacts,
): Server1RolloutSummary {
  return {
    rolloutId: rollout.rollout_id,
    state: rollout.status.state,
    isTrain: rollout.is_train,
    agent: agentName(rollout.metadata),
    createdAt: rollout.status.created_at,
    updatedAt: rollout.status.updated_at,
    error: rollout.status.error_message ?? null,
    ...facts,
  };
}

function agentName(metadata: Rollout1['metadata']): string | null {
  const name = metadata?.agent_name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}
