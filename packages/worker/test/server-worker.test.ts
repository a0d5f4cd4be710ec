// The worker pattern on a real agl-server 1.0.2, the offline model behind its gateway.
import { AglServerClient } from '@agl/client';
import { startOfflineModel } from '@agl/offline-model';
import { useAglServer } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AglServerWorker,
  nonStreamingFetch,
  RolloutBudget,
  type ServerRolloutTask,
} from '../src/index.ts';

/** Asks the model through the gateway, streaming as an SDK would; the reward is the answer's length. */
const askModel: ServerRolloutTask = async ({ rollout, gatewayBaseUrl, apiKey, signal }) => {
  const fetch = nonStreamingFetch();
  const response = await fetch(`${gatewayBaseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({
      model: 'whatever',
      stream: true,
      messages: [{ role: 'user', content: `Summarise: ${JSON.stringify(rollout.input)}` }],
    }),
    signal,
  });
  if (!response.ok)
    throw new Error(`gateway answered ${response.status}: ${await response.text()}`);
  const stream = await response.text();
  if (rollout.input && (rollout.input as { fail?: boolean }).fail)
    throw new Error('the agent gave up');
  return stream.includes('[DONE]') ? 1 : 0;
};

describe('AglServerWorker on agl-server 1.0.2', () => {
  const server = useAglServer({ key: 'worker-key' });
  let model: Awaited<ReturnType<typeof startOfflineModel>>;
  let client: AglServerClient;

  beforeAll(async () => {
    model = await startOfflineModel();
    client = new AglServerClient(server.url, { key: 'worker-key' });
    await client.registerModels([{ model: server.gatewayModel, endpoint: model.url }]);
  });
  afterAll(async () => {
    await model.close();
  });

  it('two workers run every queued rollout exactly once, with gateway calls and rewards', async () => {
    const ids = Array.from({ length: 6 }, (_, index) => `w-${index}`);
    await client.createRollouts(
      ids.map((id, index) => ({ rollout_id: id, input: { post: id }, is_train: index % 2 === 0 })),
    );
    const budget = new RolloutBudget(ids.length);
    const workers = ['a', 'b'].map(
      (workerId) =>
        new AglServerWorker({
          client,
          task: askModel,
          workerId,
          apiKey: 'worker-key',
          concurrency: 2,
          pollIntervalMs: 50,
          maxRollouts: budget,
        }),
    );
    const stats = await Promise.all(workers.map((worker) => worker.run()));
    expect(stats.reduce((sum, s) => sum + s.succeeded, 0)).toBe(ids.length);
    expect(stats.reduce((sum, s) => sum + s.claimed, 0)).toBe(ids.length);

    for (const [index, id] of ids.entries()) {
      const detail = await client.getRollout(id);
      expect(detail?.rollout.status.state).toBe('succeeded');
      const events = await client.listEvents(id);
      expect(events.map((event) => event.event_type)).toEqual(['model_request', 'reward']);
      const request = events[0]?.data.request as Record<string, unknown>;
      expect(request.stream).toBe(false);
      expect(request.return_token_ids).toBe(true);
      expect(request.temperature).toBe(index % 2 === 0 ? 1 : 0.7);
      const [call] = await client.listEvents(id, { format: 'triplet', eventType: 'model_request' });
      expect((call?.data.response_token_ids as number[] | undefined)?.length).toBeGreaterThan(0);
    }
  });

  it('marks a rollout failed, with the reason and no reward, when the task throws', async () => {
    await client.createRollouts([{ rollout_id: 'fails', input: { post: 'x', fail: true } }]);
    const worker = new AglServerWorker({
      client,
      task: askModel,
      workerId: 'c',
      apiKey: 'worker-key',
      pollIntervalMs: 50,
      maxRollouts: 1,
    });
    const stats = await worker.run();
    expect(stats).toMatchObject({ claimed: 1, failed: 1, succeeded: 0, rewards: 0 });
    const detail = await client.getRollout('fails');
    expect(detail?.rollout.status).toMatchObject({
      state: 'failed',
      error_message: 'the agent gave up',
    });
    expect((await client.listEvents('fails')).map((event) => event.event_type)).toEqual([
      'model_request',
    ]);
  });

  it('keeps polling through an unreachable server and stops when asked', async () => {
    const events: string[] = [];
    const worker = new AglServerWorker({
      client: new AglServerClient('http://127.0.0.1:1'),
      task: askModel,
      workerId: 'd',
      pollIntervalMs: 20,
      onEvent: (event) => events.push(event.type),
    });
    const running = worker.run();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await worker.stop();
    await running;
    expect(events.filter((type) => type === 'warning').length).toBeGreaterThan(0);
    expect(events.at(-1)).toBe('stopped');
  });
});
