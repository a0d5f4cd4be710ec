// The AGL 1.0 data source against a real agl-server 1.0.2, the offline model behind its gateway.
import { AglServerClient } from '@agl/client';
import { startOfflineModel } from '@agl/offline-model';
import { useAglServer } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectServer1Dashboard,
  collectServer1Snapshot,
  formatServer1Snapshot,
  getServer1RolloutDetail,
  trainingRecord,
} from '../src/index.ts';

describe('AGL 1.0 snapshot on agl-server 1.0.2', () => {
  const server = useAglServer();
  let model: Awaited<ReturnType<typeof startOfflineModel>>;
  let client: AglServerClient;

  beforeAll(async () => {
    model = await startOfflineModel();
    client = new AglServerClient(server.url);
    await client.registerModels([{ model: server.gatewayModel, endpoint: model.url }]);
    await client.createRollouts([
      { rollout_id: 'done', input: { post: 'a' } },
      { rollout_id: 'broken', input: { post: 'b' } },
      { rollout_id: 'waiting', input: { post: 'c' }, is_train: false },
      { rollout_id: 'named', input: { post: 'd' }, metadata: { agent_name: 'postAnalyzer' } },
    ]);
    await client.claimRollout('done', '0');
    const call = await fetch(`${client.gatewayBaseUrl('done', '0')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Describe this post' }] }),
    });
    expect(call.status).toBe(200);
    await client.postReward('done', '0', 0.5);
    await client.finishRollout('done', 'succeeded');
    await client.claimRollout('broken', '0');
    await client.finishRollout('broken', 'failed', 'the model call failed');
  });
  afterAll(async () => {
    await model.close();
  });

  it('counts rollouts by state, gateway calls and rewards, and lists the latest', async () => {
    const snapshot = await collectServer1Snapshot(client);
    expect(snapshot.byState).toEqual({ queuing: 2, running: 0, succeeded: 1, failed: 1 });
    expect(snapshot.rewards).toEqual({ count: 1, mean: 0.5, min: 0.5, max: 0.5 });
    expect(snapshot.modelCalls).toBe(1);
    expect(snapshot.trainingReady).toBe(1);
    expect(snapshot.recent.find((rollout) => rollout.rolloutId === 'broken')?.error).toBe(
      'the model call failed',
    );
    const text = formatServer1Snapshot(snapshot);
    expect(text).toContain('Rollouts: 4 (queuing 2, running 0, succeeded 1, failed 1)');
    expect(text).toContain('Training-ready (succeeded, with gateway calls and a reward): 1');
  });

  it('turns a finished rollout into a training record with token ids and its reward', async () => {
    const detail = await client.getRollout('done');
    const record = await trainingRecord(client, detail?.rollout as never);
    expect(record.reward).toBe(0.5);
    expect(record.triplets).toHaveLength(1);
    const [triplet] = record.triplets;
    expect((triplet?.prompt_token_ids as number[] | undefined)?.length).toBeGreaterThan(0);
    expect((triplet?.response_token_ids as number[] | undefined)?.length).toBeGreaterThan(0);
  });

  it('gives the dashboards a 1.0 snapshot in their shape: no spans, gateway tokens, rewards', async () => {
    const dashboard = await collectServer1Dashboard(client, { recent: 10 });
    expect(dashboard).toMatchObject({
      dialect: '1.0',
      reachable: true,
      totalRollouts: 4,
      totalSpans: null,
      byStatus: { queuing: 2, running: 0, succeeded: 1, failed: 1, cancelled: 0 },
      rewards: { withReward: 1, target: 500, checked: 2, finished: 2 },
    });
    expect(dashboard.latencyMs).toBeGreaterThan(0);
    const done = dashboard.recent.find((rollout) => rollout.rolloutId === 'done');
    expect(done).toMatchObject({ status: 'succeeded', reward: 0.5, spanCount: null, attempts: 1 });
    expect(done?.inputTokens).toBeGreaterThan(0);
    expect(done?.endedAt).not.toBeNull();
    const named = dashboard.recent.find((rollout) => rollout.rolloutId === 'named');
    expect(named).toMatchObject({ agent: 'postAnalyzer', status: 'queuing', endedAt: null });
  });

  it('reads one rollout for a detail view, null for an unknown id', async () => {
    const detail = await getServer1RolloutDetail(client, 'done');
    expect(detail?.rollout).toMatchObject({ rollout_id: 'done', status: 'succeeded' });
    expect(detail?.summary).toMatchObject({ rolloutId: 'done', reward: 0.5, spanCount: null });
    expect(detail?.attempts).toEqual([]);
    expect(detail?.tree).toEqual([]);
    expect(await getServer1RolloutDetail(client, 'nope')).toBeNull();
  });
});
