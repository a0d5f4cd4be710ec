import type { AglStore, Rollout } from '@agl/client';
import { AGLSpanExporter, AGLSpanProcessor } from '@agl/exporter';
import {
  createMastra,
  createOtelObservability,
  createPostAnalyzer,
  openModel,
} from '@agl/mastra-api';
import { getDatasetPost, readModelConfig } from '@agl/post-analyzer';
import { context, propagation, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface AnalyzedPost {
  postId: string;
  traceId: string;
}

export interface PostAnalyzerRun {
  analyzed: AnalyzedPost[];
  /** The rollouts the exporter created, in the order of `analyzed`. */
  rollouts: Rollout[];
}

/**
 * Runs the Post Analyzer on the offline model over dataset posts, with every run exported to the
 * store as a rollout (NodeTracerProvider + AGLSpanProcessor + Mastra's OTel bridge), and waits
 * until each rollout has finished.
 */
export async function analyzePosts(
  store: AglStore,
  postIds: readonly string[],
): Promise<PostAnalyzerRun> {
  const exporter = new AGLSpanExporter({ store });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'trainer-tools-test' }),
    spanProcessors: [new AGLSpanProcessor({ exporter })],
  });
  const opened = await openModel(readModelConfig({ AGL_LLM_OFFLINE: '1' }));
  try {
    const mastra = createMastra({
      model: opened.model,
      observability: createOtelObservability({ tracerProvider: provider }),
      logger: false,
    });
    const analyzer = createPostAnalyzer(mastra);
    const analyzed: AnalyzedPost[] = [];
    for (const postId of postIds) {
      const entry = getDatasetPost(postId);
      const run = await analyzer.analyze({ ...entry.post, postId }, { route: 'test' });
      if (run.traceId === undefined) throw new Error('the Post Analyzer run has no trace id');
      analyzed.push({ postId, traceId: run.traceId });
    }
    await provider.forceFlush();
    const rollouts = await waitForRollouts(store, analyzed);
    return { analyzed, rollouts };
  } finally {
    await provider.shutdown();
    await opened.close();
    trace.disable();
    context.disable();
    propagation.disable();
  }
}

async function waitForRollouts(store: AglStore, analyzed: AnalyzedPost[]): Promise<Rollout[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { items } = await store.queryRollouts();
    const found = analyzed.map((run) =>
      items.find((rollout) => rollout.metadata?.trace_id === run.traceId),
    );
    if (found.every((rollout) => rollout !== undefined && rollout.status === 'succeeded')) {
      return found as Rollout[];
    }
    if (Date.now() > deadline) {
      throw new Error(
        `rollouts did not finish: ${found.map((rollout) => rollout?.status ?? 'missing').join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
