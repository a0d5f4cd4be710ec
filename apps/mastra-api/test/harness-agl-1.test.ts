// The controller harness against a real agl-server 1.0.2. This test plays AGL's controller: it
// sets the rollout running, launches the harness with the variables the controller sets, and
// marks the rollout by the exit code, as the controller does.
import { AglServerClient } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { getDatasetPost } from '@agl/post-analyzer';
import { useAglServer } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.ts';

const HARNESS = 'src/harness/harness.ts';
const KEY = 'harness-key';

describe('agl:harness against agl-server 1.0.2', () => {
  const server = useAglServer({ key: KEY });
  let model: OfflineModel;
  let client: AglServerClient;

  beforeAll(async () => {
    model = await startOfflineModel({ port: 0 });
    client = new AglServerClient(server.url, { key: KEY });
    await client.registerModels([{ model: server.gatewayModel, endpoint: model.url }]);
  });
  afterAll(async () => {
    await model?.close();
  });

  function controllerEnv(rolloutId: string, input: unknown): Record<string, string> {
    return {
      AGL_KEY: KEY,
      AGL_OPENAI_BASE_URL: `${server.url}/proxy/rollout/${rolloutId}/attempt/0/mode/train/openai/v1`,
      AGL_EVENT_URL: `${server.url}/api/rollouts/${rolloutId}/attempt/0/events`,
      AGL_TASK_INPUT: JSON.stringify(input),
    };
  }

  it('runs one rollout through the gateway, posts its reward and exits 0', async () => {
    const input = { postId: 'post-001', post: getDatasetPost('post-001').post };
    await client.createRollouts([{ rollout_id: 'h-1', input }]);
    expect(await client.claimRollout('h-1', '0')).not.toBeNull();
    const harness = runCli(HARNESS, [], controllerEnv('h-1', input));
    const exit = await harness.exited;
    expect(exit, harness.output()).toEqual({ code: 0, signal: null });
    expect(harness.output()).toMatch(/reward [\d.]+ posted/);
    await client.finishRollout('h-1', 'succeeded');

    const events = await client.listEvents('h-1');
    expect(events.filter((event) => event.event_type === 'model_request').length).toBeGreaterThan(
      0,
    );
    const rewards = events.filter((event) => event.event_type === 'reward');
    expect(rewards).toHaveLength(1);
    expect(rewards[0]?.data).toMatchObject({ value: expect.any(Number), source: 'agent' });
  }, 60_000);

  it('exits 1 when the reward cannot be stored, so the rollout is never marked succeeded', async () => {
    const input = { postId: 'post-002', post: getDatasetPost('post-002').post };
    await client.createRollouts([{ rollout_id: 'h-2', input }]);
    const env = {
      ...controllerEnv('h-2', input),
      AGL_EVENT_URL: `${server.url}/api/rollouts/gone/attempt/0/events`,
    };
    const harness = runCli(HARNESS, [], env);
    expect(await harness.exited, harness.output()).toEqual({ code: 1, signal: null });
    expect(harness.output()).toMatch(/posting the reward .* failed: 404/);
  }, 60_000);

  it('exits 2 and names the variable when the environment is incomplete', async () => {
    const harness = runCli(HARNESS, [], {
      AGL_OPENAI_BASE_URL: undefined,
      AGL_EVENT_URL: undefined,
    });
    expect(await harness.exited).toEqual({ code: 2, signal: null });
    expect(harness.output()).toContain('AGL_OPENAI_BASE_URL is not set');
  });
});
