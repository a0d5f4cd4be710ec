import { describe, expect, it } from 'vitest';
import { SUPPORTED_AGL_VERSIONS } from '../src/index.ts';
import { useAglStore } from '../src/vitest.ts';

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe.each(SUPPORTED_AGL_VERSIONS)('real agl store %s', (version) => {
  const store = useAglStore(version);
  const v2 = version === '0.2.2';

  async function createRollout(input: unknown): Promise<{ rollout_id: string; status: string }> {
    const response = v2
      ? await postJson(`${store.url}/start_rollout`, { input })
      : await postJson(`${store.url}/v1/agl/rollouts`, { input });
    expect(response.status).toBe(v2 ? 200 : 201);
    return (await response.json()) as { rollout_id: string; status: string };
  }

  async function readRollout(id: string): Promise<{ rollout_id: string; input: unknown } | null> {
    const response = await fetch(
      v2 ? `${store.url}/get_rollout_by_id/${id}` : `${store.url}/v1/agl/rollouts/${id}`,
    );
    return response.status === 200
      ? ((await response.json()) as { rollout_id: string; input: unknown })
      : null;
  }

  it('answers its health route on loopback', async () => {
    const response = await fetch(store.url + (v2 ? '/health' : '/v1/agl/health'));
    expect(await response.json()).toEqual({ status: 'ok' });
    const openapi = (await (await fetch(`${store.url}/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toContain(v2 ? '/start_rollout' : '/v1/agl/rollouts');
  });

  it('stores a rollout created over HTTP and reads it back', async () => {
    const created = await createRollout({ post: 'hello' });
    expect(created.rollout_id).toMatch(/^ro-[0-9a-f]{12}$/);
    expect(created.status).toBe('preparing');
    const read = await readRollout(created.rollout_id);
    expect(read?.input).toEqual({ post: 'hello' });
  });

  it('can be killed and restarted on the same port with an empty store', async () => {
    const created = await createRollout('before the crash');
    const port = store.port;
    await store.kill();
    expect(store.running).toBe(false);
    await expect(fetch(`${store.url}/openapi.json`)).rejects.toThrow();
    await store.start();
    expect(store.port).toBe(port);
    expect(await readRollout(created.rollout_id)).toBeNull();
  });
});
