import { withModelCallSpans } from '@agl/instrumentation/model-call-spans';
import {
  findDatasetPost,
  type Post,
  postAnalysisSchema,
  scorePostAnalysis,
} from '@agl/post-analyzer';
import { findPromptTemplate, type RolloutTask, renderPromptTemplate } from '@agl/worker';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { Tracer, TracerProvider } from '@opentelemetry/api';
import { POST_ANALYZER_ID } from '../agents/post-analyzer-agent.ts';
import { buildAnalysisPrompt } from '../analysis-prompt.ts';
import { describeError } from '../error-message.ts';
import { createMastra } from '../mastra.ts';
import { createOtelObservability } from '../otel-observability.ts';
import { parsePostRolloutInput } from './post-rollout-input.ts';
import { modelFromLlm } from './resource-model.ts';

export interface PostAnalyzerTaskOptions {
  /** The provider whose spans reach AGL (the worker's), for Mastra's OTel bridge. */
  tracerProvider: TracerProvider;
  /** Records every model call as its own span (the prompt and completion training reads). */
  tracer: Tracer;
  /**
   * The model for rollouts whose resources publish no LLM: the app's configured one (the offline
   * model without a key). Called once per such rollout; cache it.
   */
  fallbackModel: () => Promise<MastraModelConfig>;
  /** The LLM resource to use. Default: the first LLM or proxy LLM published (AGL's `main_llm`). */
  llmResource?: string;
  /** The prompt template resource to use. Default: the first one published, if any. */
  promptResource?: string;
  /** Model calls per run. Default 6. */
  maxSteps?: number;
}

/**
 * Runs the Post Analyzer on one rollout with the model AGL's resources name, and returns the
 * reward: how well the analysis matches the dataset's labels for that post (null for a post that
 * is not in the dataset). A published `f-string` prompt template replaces the user prompt; it may
 * use `{prompt}` (the default prompt), `{post}` (the post as JSON), `{text}`, `{handle}`,
 * `{followers}`, `{platform}`, `{likes}`, `{shares}`, `{replies}` and `{impressions}`.
 *
 * A failed model call throws (the attempt fails and AGL retries per the rollout's config); an
 * answer that is not a valid analysis is a finished run with reward 0.
 */
export function createPostAnalyzerTask(options: PostAnalyzerTaskOptions): RolloutTask {
  const maxSteps = options.maxSteps ?? 6;
  return async ({ rollout, attempt, resources, llm, signal, span }) => {
    const { postId, post } = parsePostRolloutInput(rollout.input, rollout.metadata);
    const resolved = llm(options.llmResource);
    const base = resolved ? modelFromLlm(resolved) : await options.fallbackModel();
    const model = withModelCallSpans(base as never, {
      tracer: options.tracer,
    }) as unknown as MastraModelConfig;
    const mastra = createMastra({
      model,
      observability: createOtelObservability({
        tracerProvider: options.tracerProvider,
        serviceName: 'mastra-api-worker',
      }),
      logger: false,
    });

    const template = findPromptTemplate(resources?.resources, options.promptResource);
    const prompt = template
      ? renderPromptTemplate(template[1], promptValues(post))
      : buildAnalysisPrompt(post);
    span.setAttributes({
      'agl.worker.model_source': resolved ? `resource ${resolved.name}` : 'configured model',
      ...(resolved ? { 'gen_ai.request.model': resolved.model } : {}),
      ...(template ? { 'agl.worker.prompt_template': template[0] } : {}),
      ...(postId === null ? {} : { 'agl.post_id': postId }),
    });

    const agent = mastra.getAgent(POST_ANALYZER_ID);
    const run = () =>
      agent.generate(prompt, {
        structuredOutput: { schema: postAnalysisSchema },
        maxSteps,
        abortSignal: signal,
        tracingOptions: {
          metadata: {
            route: 'agl-worker',
            rolloutId: rollout.rollout_id,
            attemptId: attempt.attempt_id,
            ...(postId === null ? {} : { postId }),
          },
        },
      });
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run();
    } catch (error) {
      throw new Error(`the Post Analyzer run failed: ${describeError(error)}`, { cause: error });
    }

    const analysis = postAnalysisSchema.safeParse(result.object);
    if (!analysis.success) {
      span.setAttribute('agl.worker.reward_details', 'the answer is not a valid analysis');
      return 0;
    }
    const expected = postId === null ? undefined : findDatasetPost(postId)?.expected;
    if (expected === undefined) return null;
    const score = scorePostAnalysis(analysis.data, expected);
    if (score.details !== undefined) span.setAttribute('agl.worker.reward_details', score.details);
    return score.value;
  };
}

function promptValues(post: Post): Record<string, unknown> {
  const unknown = 'unknown';
  return {
    prompt: buildAnalysisPrompt(post),
    post: JSON.stringify(post),
    text: post.text,
    handle: post.author.handle,
    followers: post.author.followers ?? unknown,
    platform: post.platform ?? unknown,
    likes: post.metrics?.likes ?? unknown,
    shares: post.metrics?.shares ?? unknown,
    replies: post.metrics?.replies ?? unknown,
    impressions: post.metrics?.impressions ?? unknown,
  };
}
