import { describe, expect, it } from 'vitest';
import { useAglServer } from '../src/vitest.ts';

describe('real agl-server 1.0.2', () => {
  const server = useAglServer({ key: 'test-key', gatewayModel: 'offline-model' });
  const auth = { authorization: 'Bearer test-key' };

  it('answers /healthz on loopback without a key', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('demands the configured key on the API and serves its OpenAPI document', async () => {
    expect((await fetch(`${server.url}/api/rollouts?state_in=queuing`)).status).toBe(401);
    const listed = await fetch(`${server.url}/api/rollouts?state_in=queuing`, { headers: auth });
    expect(listed.status).toBe(200);
    const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toContain('/api/rollouts/{rollout_id}');
  });

  it('creates a rollout and reads it back', async () => {
    const created = await fetch(`${server.url}/api/rollouts`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify([{ input: { post: 'hello' }, rollout_id: 'testkit-1' }]),
    });
    expect(created.status).toBe(201);
    const read = (await (
      await fetch(`${server.url}/api/rollouts/testkit-1`, { headers: auth })
    ).json()) as {
      rollout: { input: unknown; status: { state: string } };
    };
    expect(read.rollout.input).toEqual({ post: 'hello' });
    expect(read.rollout.status.state).toBe('queuing');
  });
});
