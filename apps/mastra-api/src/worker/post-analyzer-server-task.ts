import { findDatasetPost, postAnalysisSchema, scorePostAnalysis } from '@agl/post-analyzer';
import { nonStreamingFetch, type ServerRolloutTask } from '@agl/worker';
import { createOpenAI } from '@ai-sdk/openai';
import type { MastraModelConfig } from '@mastra/core/llm';
import { POST_ANALYZER_ID } from '../agents/post-analyzer-agent.ts';
import { buildAnalysisPrompt } from '../analysis-prompt.ts';
import { describeError } from '../error-message.ts';
import { createMastra } from '../mastra.ts';
import { parsePostRolloutInput } from './post-rollout-input.ts';
import { NO_RESOURCE_API_KEY } from './resource-model.ts';

/** The gateway replaces the model name with its own; this one only labels the request. */
const GATEWAY_MODEL_LABEL = 'agl-gateway';

export interface PostAnalyzerServerTaskOptions {
  /** Model calls per run. Default 6. */
  maxSteps?: number;
  /** Where the gateway requests go out (tests may watch them). Default `fetch`. */
  baseFetch?: typeof globalThis.fetch;
}

/** The Post Analyzer's model for one AGL 1.0 attempt: AGL's gateway, never streaming. */
export function gatewayModel(
  gatewayBaseUrl: string,
  apiKey: string | undefined,
  baseFetch?: typeof globalThis.fetch,
): MastraModelConfig {
  const provider = createOpenAI({
    baseURL: gatewayBaseUrl,
    apiKey: apiKey ?? NO_RESOURCE_API_KEY,
    fetch: nonStreamingFetch(baseFetch),
  });
  // @ai-sdk/openai's provider types are newer than the copy bundled with @mastra/core; the
  // runtime contract is the same (see model-provider.ts).
  return provider.chat(GATEWAY_MODEL_LABEL) as unknown as MastraModelConfig;
}

export interface GatewayRun {
  /** The rollout input: `{ postId, post }` or a bare post. */
  input: unknown;
  metadata?: Record<string, unknown> | null;
  gatewayBaseUrl: string;
  apiKey: string | undefined;
  signal?: AbortSignal;
  maxSteps?: number;
  baseFetch?: typeof globalThis.fetch;
}

/**
 * Runs the Post Analyzer once, its model calls going through AGL's gateway (which records each
 * with token ids), and returns the reward: how well the analysis matches the dataset's labels for
 * that post (null for a post that is not in the dataset, 0 for an answer that is not a valid
 * analysis). A failed model call throws.
 */
export async function analyzeThroughGateway(run: GatewayRun): Promise<number | null> {
  const { postId, post } = parsePostRolloutInput(run.input, run.metadata ?? null);
  const mastra = createMastra({
    model: gatewayModel(run.gatewayBaseUrl, run.apiKey, run.baseFetch),
    logger: false,
  });
  const agent = mastra.getAgent(POST_ANALYZER_ID);
  let result: Awaited<ReturnType<typeof agent.generate>>;
  try {
    result = await agent.generate(buildAnalysisPrompt(post), {
      structuredOutput: { schema: postAnalysisSchema },
      maxSteps: run.maxSteps ?? 6,
      ...(run.signal ? { abortSignal: run.signal } : {}),
    });
  } catch (error) {
    throw new Error(`the Post Analyzer run failed: ${describeError(error)}`, { cause: error });
  }
  const analysis = postAnalysisSchema.safeParse(result.object);
  if (!analysis.success) return 0;
  const expected = postId === null ? undefined : findDatasetPost(postId)?.expected;
  if (expected === undefined) return null;
  return scorePostAnalysis(analysis.data, expected).value;
}

/** The Post Analyzer as an AGL 1.0 worker task (see `analyzeThroughGateway`); a throw fails the rollout. */
export function createPostAnalyzerServerTask(
  options: PostAnalyzerServerTaskOptions = {},
): ServerRolloutTask {
  return ({ rollout, gatewayBaseUrl, apiKey, signal }) =>
    analyzeThroughGateway({
      input: rollout.input,
      metadata: (rollout.metadata ?? null) as Record<string, unknown> | null,
      gatewayBaseUrl,
      apiKey,
      signal,
      ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
      ...(options.baseFetch === undefined ? {} : { baseFetch: options.baseFetch }),
    });
}
