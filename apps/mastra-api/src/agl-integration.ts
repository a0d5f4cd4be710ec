import { type AglHandles, aglHandles } from '@agl/instrumentation';
import { aglMastraObservability } from '@agl/instrumentation/mastra';
import { withModelCallSpans } from '@agl/instrumentation/model-call-spans';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { ObservabilityEntrypoint } from '@mastra/core/observability';
import type { RolloutIdResolver } from './app.ts';

export interface AglIntegration {
  observability?: ObservabilityEntrypoint;
  resolveRolloutId?: RolloutIdResolver;
  wrapModel?: (model: MastraModelConfig) => MastraModelConfig;
}

/**
 * What the app needs from Agent Lightning when `@agl/instrumentation/register` turned export on:
 * Mastra's observability wired to the AGL tracer provider, every model call recorded whole (the
 * prompt and completion training needs), and the rollout id of each run. Empty
 * when export is off, so the app runs exactly as without AGL.
 */
export function aglIntegration(handles: AglHandles | null = aglHandles()): AglIntegration {
  if (!handles) return {};
  const observability = aglMastraObservability({ serviceName: 'mastra-api' }, handles);
  if (!observability) return {};
  return {
    observability,
    resolveRolloutId: ({ traceId }) =>
      traceId ? handles.exporter.rolloutIdForTrace(traceId) : null,
    wrapModel: (model) => {
      if (typeof model !== 'object' || model === null || !('doGenerate' in model)) return model;
      const tracer = handles.provider.getTracer('@agl/mastra-api');
      // The AI SDK's and Mastra's copies of the model types differ; the runtime contract is one.
      return withModelCallSpans(model as never, { tracer }) as unknown as MastraModelConfig;
    },
  };
}
