import type { PostAnalysis } from '@agl/post-analyzer';
import { Hono } from 'hono';
import pMap from 'p-map';
import {
  type AnalyzeRequest,
  analyzeBatchRequestSchema,
  analyzeRequestSchema,
} from './analyze-request-schema.ts';
import { describeError } from './error-message.ts';
import { applyRequestGuards, type RequestGuardOptions } from './http/request-guards.ts';
import { describeIssues, fieldIssues } from './http/validation-error.ts';
import type { ModelInfo } from './model-info.ts';
import { AnalysisError, type AnalysisRun, type PostAnalyzer } from './post-analyzer.ts';

/** What is known about a finished agent run when its rollout id is looked up. */
export interface AgentRunRef {
  runId: string;
  traceId: string | undefined;
  postId: string | undefined;
}

/**
 * Maps a finished run to the id of the rollout that records it (for instance through the
 * run's trace id). Returning null, or throwing, yields `rolloutId: null`.
 */
export type RolloutIdResolver = (run: AgentRunRef) => Promise<string | null> | string | null;

export interface AppDependencies {
  analyzer: PostAnalyzer;
  model: Pick<ModelInfo, 'id' | 'offline'>;
  resolveRolloutId?: RolloutIdResolver;
  /** Posts of one batch analysed at the same time. Default 2. */
  batchConcurrency?: number;
  logger?: Pick<Console, 'warn' | 'error'>;
  /** Host check, bearer token, JSON only, body size limit (JSON and 1 MiB apply always). */
  guards?: RequestGuardOptions;
}

export interface AnalyzeResponse {
  analysis: PostAnalysis;
  runId: string;
  traceId?: string;
  rolloutId: string | null;
  durationMs: number;
}

export type BatchItemResult =
  | ({ index: number; postId?: string; ok: true } & AnalyzeResponse)
  | { index: number; postId?: string; ok: false; error: ErrorBody };

export interface ErrorBody {
  error:
    | 'invalid_json'
    | 'invalid_request'
    | 'agent_failed'
    | 'not_found'
    | 'internal_error'
    | 'forbidden_host'
    | 'unauthorized'
    | 'unsupported_media_type'
    | 'payload_too_large';
  message: string;
  issues?: { field: string; message: string }[];
  runId?: string;
}

/** The HTTP API. Every dependency is injected, so tests call `app.request()` without a port. */
export function createApp(deps: AppDependencies): Hono {
  const logger = deps.logger ?? console;
  const batchConcurrency = deps.batchConcurrency ?? 2;
  if (!Number.isInteger(batchConcurrency) || batchConcurrency < 1) {
    throw new RangeError(
      `batchConcurrency must be a whole number of at least 1, got ${batchConcurrency}`,
    );
  }
  const app = new Hono();
  applyRequestGuards(app, deps.guards);

  const toResponse = async (
    request: AnalyzeRequest,
    run: AnalysisRun,
  ): Promise<AnalyzeResponse> => ({
    analysis: run.analysis,
    runId: run.runId,
    ...(run.traceId === undefined ? {} : { traceId: run.traceId }),
    rolloutId: await lookUpRolloutId({
      runId: run.runId,
      traceId: run.traceId,
      postId: request.postId,
    }),
    durationMs: run.durationMs,
  });

  const lookUpRolloutId = async (run: AgentRunRef): Promise<string | null> => {
    if (deps.resolveRolloutId === undefined) return null;
    try {
      return (await deps.resolveRolloutId(run)) ?? null;
    } catch (error) {
      logger.warn(`Could not resolve the rollout id of run ${run.runId}: ${describeError(error)}`);
      return null;
    }
  };

  app.get('/health', (c) =>
    c.json({ status: 'ok', model: { id: deps.model.id, offline: deps.model.offline } }),
  );

  app.post('/api/analyze', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return c.json(body.error, 400);
    const parsed = analyzeRequestSchema.safeParse(body.value);
    if (!parsed.success) return c.json(invalidRequest(parsed.error), 400);
    try {
      const run = await deps.analyzer.analyze(parsed.data, {
        route: 'analyze',
        abortSignal: c.req.raw.signal,
      });
      return c.json(await toResponse(parsed.data, run), 200);
    } catch (error) {
      return c.json(agentFailed(error, logger), 502);
    }
  });

  app.post('/api/analyze/batch', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return c.json(body.error, 400);
    const parsed = analyzeBatchRequestSchema.safeParse(body.value);
    if (!parsed.success) return c.json(invalidRequest(parsed.error), 400);
    const results = await pMap(
      parsed.data.posts,
      async (request, index): Promise<BatchItemResult> => {
        const ids = { index, ...(request.postId === undefined ? {} : { postId: request.postId }) };
        try {
          const run = await deps.analyzer.analyze(request, {
            route: 'analyze.batch',
            metadata: { batchIndex: index },
            abortSignal: c.req.raw.signal,
          });
          return { ...ids, ok: true, ...(await toResponse(request, run)) };
        } catch (error) {
          return { ...ids, ok: false, error: agentFailed(error, logger) };
        }
      },
      { concurrency: batchConcurrency },
    );
    const succeeded = results.filter((result) => result.ok).length;
    return c.json({ results, succeeded, failed: results.length - succeeded }, 200);
  });

  app.notFound((c) =>
    c.json<ErrorBody>(
      { error: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` },
      404,
    ),
  );

  app.onError((error, c) => {
    logger.error('Unexpected error while handling a request:', error);
    return c.json<ErrorBody>({ error: 'internal_error', message: describeError(error) }, 500);
  });

  return app;
}

async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; error: ErrorBody }> {
  const text = await request.text();
  if (text.trim() === '') {
    return {
      ok: false,
      error: {
        error: 'invalid_json',
        message: 'The request body is empty; send the post as JSON.',
      },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      error: {
        error: 'invalid_json',
        message: `The request body is not valid JSON: ${describeError(error)}`,
      },
    };
  }
}

function invalidRequest(error: Parameters<typeof fieldIssues>[0]): ErrorBody {
  const issues = fieldIssues(error);
  return { error: 'invalid_request', message: describeIssues(issues), issues };
}

function agentFailed(error: unknown, logger: Pick<Console, 'error'>): ErrorBody {
  const runId = error instanceof AnalysisError ? error.runId : undefined;
  const reason = error instanceof AnalysisError ? error.message : describeError(error);
  logger.error(`Post Analyzer run failed: ${reason}`);
  return {
    error: 'agent_failed',
    message: `The Post Analyzer failed: ${reason}`,
    ...(runId === undefined ? {} : { runId }),
  };
}
