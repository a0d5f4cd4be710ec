import { type AglStore, connect, type Rollout } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { getDatasetPost } from '@agl/post-analyzer';
import { eventually, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, killAll, runCli } from './support/cli-process.ts';
import { type LlmProxy, startLlmProxy } from './support/llm-proxy.ts';

const SERVER = 'src/server.ts';
const IN_FLIGHT = 8;
/** Long enough that no run can finish before the signal. */
const MODEL_DELAY_MS = 15_000;
const OPEN_STATUSES: readonly string[] = ['queuing', 'preparing', 'running'];
const LISTENING = /Post Analyzer API listening on (http:\/\/\S+)/;

describe.each(SUPPORTED_AGL_VERSIONS)('the API server on SIGTERM with AGL %s', (version) => {
  const aglStore = useAglStore(version);
  let store: AglStore;
  let model: OfflineModel;
  let proxy: LlmProxy;
  const processes: CliProcess[] = [];

  beforeAll(async () => {
    store = await connect(aglStore.url);
    model = await startOfflineModel({ port: 0 });
    proxy = await startLlmProxy(model.url, MODEL_DELAY_MS);
  });
  afterEach(async () => {
    await killAll(processes.splice(0));
  });
  afterAll(async () => {
    await proxy?.close();
    await model?.close();
    await store?.close();
  });

  async function startApi(): Promise<{ api: CliProcess; url: string }> {
    const api = runCli(SERVER, [], {
      PORT: '0',
      AGL_ENABLED: 'true',
      AGL_ENDPOINT: aglStore.url,
      AGL_LLM_BASE_URL: proxy.url,
      AGL_LLM_API_KEY: 'test-key',
      AGL_LLM_MODEL: 'remote-model',
      AGL_LLM_OFFLINE: undefined,
      OPENAI_API_KEY: undefined,
    });
    processes.push(api);
    const url = await eventually(async () => {
      const found = LISTENING.exec(api.output())?.[1];
      if (!found) throw new Error(`the API did not start:\n${api.output()}`);
      return found;
    }, 30_000);
    return { api, url };
  }

  async function rollouts(): Promise<Rollout[]> {
    return (await store.queryRollouts()).items;
  }

  it('finishes every in-flight run in AGL before it exits', async () => {
    const { api, url } = await startApi();
    const requests = Array.from({ length: IN_FLIGHT }, (_, index) => {
      const entry = getDatasetPost(`post-00${index + 1}`);
      return fetch(`${url}/api/analyze`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...entry.post, postId: entry.id }),
      }).catch((error: unknown) => error);
    });
    // Every run is waiting on its model call, and its rollout exists in AGL, not final yet.
    await eventually(async () => {
      expect(proxy.requests.length).toBeGreaterThanOrEqual(IN_FLIGHT);
      const open = (await rollouts()).filter((rollout) => OPEN_STATUSES.includes(rollout.status));
      expect(open).toHaveLength(IN_FLIGHT);
    }, 30_000);

    api.child.kill('SIGTERM');
    expect(await api.exited, api.output()).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('SIGTERM received, shutting down');
    await Promise.all(requests);

    const after = await rollouts();
    expect(after).toHaveLength(IN_FLIGHT);
    for (const rollout of after) {
      expect(OPEN_STATUSES).not.toContain(rollout.status);
      // Cut short by the exit: a trainer must not take these runs as good data.
      expect(rollout.status).not.toBe('succeeded');
    }
  }, 90_000);
});
