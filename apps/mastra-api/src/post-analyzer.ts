import { type PostAnalysis, postAnalysisSchema, postSchema } from '@agl/post-analyzer';
import { POST_ANALYZER_ID } from './agents/post-analyzer-agent.ts';
import { buildAnalysisPrompt } from './analysis-prompt.ts';
import type { AnalyzeRequest } from './analyze-request-schema.ts';
import { describeError } from './error-message.ts';
import type { PostAnalyzerMastra } from './mastra.ts';

export type MetadataValue = string | number | boolean;

export interface AnalyzeOptions {
  /** Which route started the run; recorded on every span as `mastra.metadata.route`. */
  route: string;
  /** Extra span metadata (after the request's own `metadata`). */
  metadata?: Record<string, MetadataValue>;
  abortSignal?: AbortSignal;
}

export interface AnalysisRun {
  analysis: PostAnalysis;
  /** Mastra's run id. */
  runId: string;
  /** The trace of the run; only present when Mastra has observability configured. */
  traceId: string | undefined;
  durationMs: number;
}

export interface PostAnalyzer {
  analyze(request: AnalyzeRequest, options: AnalyzeOptions): Promise<AnalysisRun>;
}

/** The agent run failed or its answer was not a valid analysis. */
export class AnalysisError extends Error {
  override name = 'AnalysisError';
  readonly runId: string | undefined;

  constructor(message: string, options: { cause?: unknown; runId?: string | undefined } = {}) {
    super(message, { cause: options.cause });
    this.runId = options.runId;
  }
}

export interface PostAnalyzerOptions {
  /** Model calls per run: tools, the delegation, then the answer. Default 6. */
  maxSteps?: number;
}

/** Runs the Post Analyzer agent with structured output and span metadata. */
export function createPostAnalyzer(
  mastra: PostAnalyzerMastra,
  { maxSteps = 6 }: PostAnalyzerOptions = {},
): PostAnalyzer {
  const agent = mastra.getAgent(POST_ANALYZER_ID);
  return {
    async analyze(request, options) {
      const post = postSchema.parse(request); // drops postId and metadata
      const started = performance.now();
      const run = () =>
        agent.generate(buildAnalysisPrompt(post), {
          structuredOutput: { schema: postAnalysisSchema },
          maxSteps,
          tracingOptions: { metadata: spanMetadata(request, options) },
          ...(options.abortSignal === undefined ? {} : { abortSignal: options.abortSignal }),
        });
      let result: Awaited<ReturnType<typeof run>>;
      try {
        result = await run();
      } catch (error) {
        throw new AnalysisError(describeError(error), { cause: error });
      }
      const parsed = postAnalysisSchema.safeParse(result.object);
      if (!parsed.success) {
        throw new AnalysisError(
          `the model's answer is not a valid analysis (${parsed.error.issues.length} problems, first: ${parsed.error.issues[0]?.message ?? 'none'})`,
          { runId: result.runId },
        );
      }
      return {
        analysis: parsed.data,
        runId: result.runId ?? '',
        traceId: result.traceId,
        durationMs: Math.round(performance.now() - started),
      };
    },
  };
}

function spanMetadata(
  request: AnalyzeRequest,
  options: AnalyzeOptions,
): Record<string, MetadataValue> {
  return {
    ...request.metadata,
    ...options.metadata,
    route: options.route,
    ...(request.postId === undefined ? {} : { postId: request.postId }),
    ...(request.platform === undefined ? {} : { platform: request.platform }),
    authorHandle: request.author.handle,
  };
}
