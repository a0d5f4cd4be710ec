import { readModelConfig } from '@agl/post-analyzer';
import type { JudgeModel } from '@agl/rewards';
import { createChatCompletionsJudge } from './chat-completions-judge.ts';

export interface OpenedJudgeModel {
  model: JudgeModel;
  /** One line for the log, e.g. `judge model: agl-offline-1 (offline, …)`. */
  description: string;
  close(): Promise<void>;
}

/**
 * The model the app is configured with (`AGL_LLM_*` / `OPENAI_*`, see apps/mastra-api), as a
 * judge. Without a key or base URL that is the offline deterministic model, started on loopback
 * for the run: it answers schema-valid JSON, so the pipeline works offline, but its grades mean
 * nothing. Throws the app's `ConfigError` for a bad variable.
 */
export async function openJudgeModel(
  env: Readonly<Record<string, string | undefined>>,
): Promise<OpenedJudgeModel> {
  const config = readModelConfig(env);
  if (!config.offline) {
    return {
      model: createChatCompletionsJudge({
        baseUrl: config.baseUrl,
        apiKey: config.apiKey,
        model: config.modelId,
      }),
      description: `judge model: ${config.modelId} at ${config.baseUrl}`,
      close: async () => {},
    };
  }
  const { startOfflineModel } = await import('@agl/offline-model');
  const server = await startOfflineModel({
    port: 0,
    ...(config.modelId === undefined ? {} : { model: config.modelId }),
  });
  return {
    model: createChatCompletionsJudge({
      baseUrl: server.url,
      apiKey: 'offline',
      model: server.model,
    }),
    description: `judge model: ${server.model}, the OFFLINE deterministic model (${config.reason}); its grades are placeholders`,
    close: () => server.close(),
  };
}
