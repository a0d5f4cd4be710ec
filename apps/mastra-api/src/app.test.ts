import { getDatasetPost, postAnalysisSchema } from '@agl/post-analyzer';
import { describe, expect, it, vi } from 'vitest';
import { type ScriptedModelOptions, scriptedModel } from '../test/support/scripted-model.ts';
import {
  type AnalyzeResponse,
  type AppDependencies,
  type BatchItemResult,
  createApp,
  type ErrorBody,
} from './app.ts';
import { createMastra } from './mastra.ts';
import { createPostAnalyzer } from './post-analyzer.ts';

const MODEL = { id: 'scripted-model', offline: true };

function appWith(model: ScriptedModelOptions = {}, deps: Partial<AppDependencies> = {}) {
  const scripted = scriptedModel(model);
  const mastra = createMastra({ model: scripted.model, logger: false });
  const logger = { warn: vi.fn(), error: vi.fn() };
  const app = createApp({ analyzer: createPostAnalyzer(mastra), model: MODEL, logger, ...deps });
  return { app, logger, calls: scripted.calls };
}

function post(app: ReturnType<typeof createApp>, path: string, body: unknown) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const launchPost = getDatasetPost('post-001');

describe('GET /health', () => {
  it('reports the model and whether it is the offline one', async () => {
    const { app } = appWith();
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      model: { id: 'scripted-model', offline: true },
    });
  });
});

describe('POST /api/analyze', () => {
  it('runs the agent with its tools and sub-agent and returns a valid analysis', async () => {
    const { app, calls } = appWith();
    const response = await post(app, '/api/analyze', { ...launchPost.post, postId: launchPost.id });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AnalyzeResponse;
    expect(postAnalysisSchema.parse(body.analysis)).toEqual(body.analysis);
    expect(body.analysis.hashtags).toEqual(['#release', '#devtools']);
    expect(body.analysis.engagementPrediction).toMatchObject({ level: 'high', score: 67 });
    expect(body.analysis.suggestedReply).toBe('Thanks for sharing this with us!');
    expect(body.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.rolloutId).toBeNull();
    expect(body.traceId).toBeUndefined(); // no observability configured
    expect(body.durationMs).toBeGreaterThanOrEqual(0);

    const analyzerCalls = calls.filter((call) => call.responseFormat?.type === 'json');
    expect(analyzerCalls).toHaveLength(2); // tools, then the answer
    expect(analyzerCalls[0]?.tools?.map((tool) => tool.name).sort()).toEqual([
      'agent-replyWriter',
      'extractHashtagsAndMentions',
      'measureTextSignals',
      'scoreEngagement',
    ]);
    expect(calls.filter((call) => call.responseFormat === undefined)).toHaveLength(1); // replyWriter
  });

  it('asks the rollout-id hook with the run, the trace and the post id', async () => {
    const resolveRolloutId = vi.fn(async () => 'ro-123');
    const { app } = appWith({}, { resolveRolloutId });
    const response = await post(app, '/api/analyze', { ...launchPost.post, postId: 'p-9' });
    const body = (await response.json()) as AnalyzeResponse;
    expect(body.rolloutId).toBe('ro-123');
    expect(resolveRolloutId).toHaveBeenCalledWith({
      runId: body.runId,
      traceId: undefined,
      postId: 'p-9',
    });
  });

  it('answers with rolloutId null when the hook fails, and logs why', async () => {
    const { app, logger } = appWith(
      {},
      {
        resolveRolloutId: () => {
          throw new Error('store down');
        },
      },
    );
    const response = await post(app, '/api/analyze', launchPost.post);
    expect(response.status).toBe(200);
    expect(((await response.json()) as AnalyzeResponse).rolloutId).toBeNull();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('store down'));
  });

  it.each([
    [{ author: { handle: 'a' } }, 'text'],
    [{ text: '   ', author: { handle: 'a' } }, 'text'],
    [{ text: 'hi' }, 'author'],
    [{ text: 'hi', author: { handle: 'a', followers: -5 } }, 'author.followers'],
    [
      { text: 'hi', author: { handle: 'a' }, metrics: { likes: 1, shares: 'two', replies: 0 } },
      'metrics.shares',
    ],
    [{ text: 'hi', author: { handle: 'a' }, metadata: { nested: { no: 1 } } }, 'metadata.nested'],
    [[1, 2], 'body'],
  ])('rejects %j with 400 naming %s', async (body, field) => {
    const { app, calls } = appWith();
    const response = await post(app, '/api/analyze', body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as ErrorBody;
    expect(error.error).toBe('invalid_request');
    expect(error.issues?.map((issue) => issue.field)).toContain(field);
    expect(error.message).toContain(`${field}: `);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['{"text": ', 'not valid JSON'],
    ['', 'empty'],
  ])('rejects the body %j with 400 invalid_json', async (body, message) => {
    const { app } = appWith();
    const response = await post(app, '/api/analyze', body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as ErrorBody;
    expect(error).toMatchObject({ error: 'invalid_json' });
    expect(error.message).toContain(message);
  });

  it('answers 502 with the reason when the model call fails', async () => {
    const failure = Object.assign(new Error('Incorrect API key provided'), { statusCode: 401 });
    const { app, logger } = appWith({ error: failure });
    const response = await post(app, '/api/analyze', launchPost.post);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: 'agent_failed',
      message: 'The Post Analyzer failed: Incorrect API key provided (HTTP 401)',
    });
    expect(logger.error).toHaveBeenCalled();
  });

  it('answers 502 when the model does not return a valid analysis', async () => {
    const { app } = appWith({ answerWithoutJson: true });
    const response = await post(app, '/api/analyze', launchPost.post);
    expect(response.status).toBe(502);
    const error = (await response.json()) as ErrorBody;
    expect(error.error).toBe('agent_failed');
    expect(error.message).toContain('Structured output validation failed');
  });
});

describe('POST /api/analyze/batch', () => {
  it('analyses each post and reports failures per item', async () => {
    const { app } = appWith({
      error: new Error('model overloaded'),
      failWhenPromptIncludes: 'Postgres 17',
    });
    const posts = ['post-001', 'post-003', 'post-005'].map((id) => ({
      ...getDatasetPost(id).post,
      postId: id,
    }));
    const response = await post(app, '/api/analyze/batch', { posts });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      results: BatchItemResult[];
      succeeded: number;
      failed: number;
    };
    expect(body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(body.results.map((result) => [result.index, result.postId, result.ok])).toEqual([
      [0, 'post-001', true],
      [1, 'post-003', false],
      [2, 'post-005', true],
    ]);
    const failed = body.results[1];
    expect(failed?.ok === false && failed.error.message).toBe(
      'The Post Analyzer failed: model overloaded',
    );
  });

  it('rejects an empty or oversized batch naming the field', async () => {
    const { app } = appWith();
    const empty = await post(app, '/api/analyze/batch', { posts: [] });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).message).toMatch(/^posts: /);
    const tooMany = Array.from({ length: 11 }, () => launchPost.post);
    const oversized = await post(app, '/api/analyze/batch', { posts: tooMany });
    expect(oversized.status).toBe(400);
  });
});

describe('createApp', () => {
  it('rejects a batch concurrency below 1 up front', () => {
    expect(() => appWith({}, { batchConcurrency: 0 })).toThrow(RangeError);
  });
});

describe('unknown routes', () => {
  it('answers 404 with JSON', async () => {
    const { app } = appWith();
    const response = await app.request('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'not_found',
      message: 'No route for GET /api/nope',
    });
  });
});
