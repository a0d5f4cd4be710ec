import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { type Env, getDatasetPost, postAnalysisSchema, readModelConfig } from '@agl/post-analyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnalyzeResponse,
  type BatchItemResult,
  createApp,
  type ErrorBody,
} from '../src/app.ts';
import { createMastra } from '../src/mastra.ts';
import { openModel } from '../src/model-provider.ts';
import { createPostAnalyzer } from '../src/post-analyzer.ts';
import { type RunningServer, startServer } from '../src/start-server.ts';

const POST_IDS = ['post-002', 'post-011', 'post-029'];
const log: string[] = [];
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    env: { PORT: '0', AGL_LLM_OFFLINE: '1' },
    log: (line) => log.push(line),
    mastraLogger: false,
  });
});

afterAll(async () => {
  await server?.close();
});

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the API on the offline model server, over real HTTP', () => {
  it('says at start-up that it uses the offline deterministic model', async () => {
    expect(log[0]).toContain('OFFLINE deterministic model');
    expect(log[1]).toBe(`Post Analyzer API listening on ${server.url}`);
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      model: { id: server.model.id, offline: true },
    });
  });

  it.each(POST_IDS)('analyses dataset post %s into a valid analysis', async (id) => {
    const entry = getDatasetPost(id);
    const response = await postJson('/api/analyze', { ...entry.post, postId: id });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AnalyzeResponse;
    expect(postAnalysisSchema.safeParse(body.analysis).error).toBeUndefined();
    expect(body.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.rolloutId).toBeNull();
  });

  it('analyses a batch', async () => {
    const posts = POST_IDS.map((id) => ({ ...getDatasetPost(id).post, postId: id }));
    const response = await postJson('/api/analyze/batch', { posts });
    const body = (await response.json()) as { results: BatchItemResult[]; succeeded: number };
    expect(body.succeeded).toBe(3);
    for (const result of body.results) {
      expect(result.ok && postAnalysisSchema.safeParse(result.analysis).success).toBe(true);
    }
  });

  it('reports a bad post as 400 over the wire too', async () => {
    const response = await postJson('/api/analyze', { text: 'hi', author: {} });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('author.handle');
  });
});

describe('the offline server configured like any OpenAI-compatible endpoint', () => {
  let offline: OfflineModel;
  beforeAll(async () => {
    offline = await startOfflineModel({ port: 0 });
  });
  afterAll(async () => {
    await offline?.close();
  });

  async function analyzeWith(env: Env) {
    const opened = await openModel(readModelConfig(env));
    expect(opened.info.offline).toBe(false);
    const mastra = createMastra({ model: opened.model, logger: false });
    const app = createApp({
      analyzer: createPostAnalyzer(mastra),
      model: opened.info,
      logger: { warn: () => {}, error: () => {} },
    });
    const entry = getDatasetPost('post-016');
    return app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...entry.post, postId: entry.id }),
    });
  }

  it('works through the Responses API', async () => {
    const response = await analyzeWith({
      AGL_LLM_BASE_URL: offline.url,
      AGL_LLM_API_KEY: 'test-key',
      AGL_LLM_MODEL: 'remote-model',
      AGL_LLM_API: 'responses',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AnalyzeResponse;
    expect(postAnalysisSchema.safeParse(body.analysis).error).toBeUndefined();
    const paths = offline.requests.log.map((entry) => entry.path);
    expect(paths).toContain('/v1/responses');
    expect(paths).not.toContain('/v1/chat/completions');
  });

  it('answers 502 naming the reason when the model server is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const response = await analyzeWith({ AGL_LLM_BASE_URL: `http://127.0.0.1:${port}/v1` });
    expect(response.status).toBe(502);
    const error = (await response.json()) as ErrorBody;
    expect(error.error).toBe('agent_failed');
    expect(error.message).toMatch(/^The Post Analyzer failed: Cannot connect to API/);
  });
});
