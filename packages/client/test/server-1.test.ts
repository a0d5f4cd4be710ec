// The AGL 1.0 facade and detection against a real agl-server 1.0.2, with the offline model
// registered as the gateway's upstream.
import { startOfflineModel } from '@agl/offline-model';
import { useAglServer } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AglServerClient,
  connect,
  detectAgl,
  isAglError,
  isAglServer1Error,
} from '../src/index.ts';

describe('AglServerClient against agl-server 1.0.2', () => {
  const server = useAglServer({ key: 'k1', gatewayModel: 'offline-model' });
  let model: Awaited<ReturnType<typeof startOfflineModel>>;
  let agl: AglServerClient;

  beforeAll(async () => {
    model = await startOfflineModel();
    agl = new AglServerClient(server.url, { key: 'k1' });
    await agl.registerModels([{ model: 'offline-model', endpoint: model.url }]);
  });
  afterAll(async () => {
    await model.close();
  });

  it('is detected as 1.0, and store clients are refused with a clear, final error', async () => {
    expect(await detectAgl(server.url)).toMatchObject({ version: '1.0' });
    const error = await connect(server.url).catch((caught: unknown) => caught);
    expect(isAglServer1Error(error)).toBe(true);
    expect(isAglError(error, 'protocol')).toBe(true);
    expect((error as Error).message).toMatch(/AGL 1\.0 takes no spans.*agl:worker.*harness/s);
    expect((error as { retryable: boolean }).retryable).toBe(false);
  });

  it('creates idempotently, lists by state, and lets exactly one claimant have a rollout', async () => {
    const [first] = await agl.createRollouts([{ input: { post: 'hi' }, rollout_id: 'c-1' }]);
    const [again] = await agl.createRollouts([{ input: { post: 'other' }, rollout_id: 'c-1' }]);
    expect(again?.input).toEqual(first?.input);
    const queued = await agl.listRollouts(['queuing']);
    expect(queued.map((rollout) => rollout.rollout_id)).toContain('c-1');

    const claims = await Promise.all([
      agl.claimRollout('c-1', 'a1'),
      agl.claimRollout('c-1', 'a2'),
    ]);
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    expect((await agl.getRollout('c-1'))?.rollout.status.state).toBe('running');
    expect(await agl.getRollout('missing')).toBeNull();
  });

  it('records gateway calls with token ids, rewards, and reads them as triplets', async () => {
    await agl.createRollouts([{ input: { post: 'gateway' }, rollout_id: 'g-1' }]);
    expect(await agl.claimRollout('g-1', 'a1')).not.toBeNull();
    const response = await fetch(`${agl.gatewayBaseUrl('g-1', 'a1')}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k1', 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'anything',
        messages: [{ role: 'user', content: 'Say hello' }],
      }),
    });
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { choices: Array<{ token_ids?: number[] }> };
    expect(completion.choices[0]?.token_ids?.length).toBeGreaterThan(0);
    await agl.postReward('g-1', 'a1', 0.75, { source: 'test' });
    await agl.finishRollout('g-1', 'succeeded');

    const events = await agl.listEvents('g-1');
    expect(events.map((event) => event.event_type)).toEqual(['model_request', 'reward']);
    const request = events[0]?.data.request as Record<string, unknown>;
    expect(request).toMatchObject({
      model: 'offline-model',
      return_token_ids: true,
      logprobs: true,
    });
    const triplets = await agl.listEvents('g-1', { format: 'triplet' });
    expect(triplets[0]?.data.prompt_token_ids).toEqual(
      expect.arrayContaining([expect.any(Number)]),
    );
    expect(triplets[0]?.data.response_token_ids).toEqual(completion.choices[0]?.token_ids);
    expect(triplets[1]?.data).toEqual({ value: 0.75, source: 'test' });

    const page = await agl.listTerminalRollouts();
    expect(page.items.map((item) => item.rollout_id)).toContain('g-1');
    await expect(agl.finishRollout('g-1', 'failed')).rejects.toThrow(/someone else/);
  });

  it('says what is wrong with a missing key or an unreachable server', async () => {
    await expect(new AglServerClient(server.url).listRollouts(['queuing'])).rejects.toThrow(
      /Set AGL_KEY/,
    );
    await expect(new AglServerClient('http://127.0.0.1:1').health()).rejects.toThrow(
      /no AGL server answers at http:\/\/127\.0\.0\.1:1/,
    );
    expect(() => agl.postReward('g-1', 'a1', Number.NaN)).toThrow(/finite number/);
  });
});
