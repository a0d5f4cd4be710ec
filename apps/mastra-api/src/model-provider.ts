import type { LlmApi, ModelConfig } from '@agl/post-analyzer';
import { createOpenAI } from '@ai-sdk/openai';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { ModelInfo } from './model-info.ts';

export interface OfflineModelServer {
  /** Base URL ending in `/v1`. */
  url: string;
  /** The model id it answers as. */
  model: string;
  close(): Promise<void>;
}

export type StartOfflineModel = (options: { model?: string }) => Promise<OfflineModelServer>;

export interface OpenedModel {
  model: MastraModelConfig;
  info: ModelInfo;
  /** Stops the offline model server, if one was started. */
  close(): Promise<void>;
}

/** OFFLINE_API_KEY is what the app sends to its own loopback offline server. */
const OFFLINE_API_KEY = 'offline';

const startBundledOfflineModel: StartOfflineModel = async (options) => {
  // Loaded on demand: a configured real model never pulls the offline server in.
  const { startOfflineModel } = await import('@agl/offline-model');
  return startOfflineModel({ port: 0, ...options });
};

/** Turns a model configuration into a language model, starting the offline server when needed. */
export async function openModel(
  config: ModelConfig,
  startOffline: StartOfflineModel = startBundledOfflineModel,
): Promise<OpenedModel> {
  if (!config.offline) {
    return {
      model: languageModel(config.baseUrl, config.apiKey, config.modelId, config.api),
      info: { id: config.modelId, offline: false, api: config.api, baseUrl: config.baseUrl },
      close: async () => {},
    };
  }
  const server = await startOffline(config.modelId === undefined ? {} : { model: config.modelId });
  return {
    model: languageModel(server.url, OFFLINE_API_KEY, server.model, config.api),
    info: { id: server.model, offline: true, api: config.api, baseUrl: server.url },
    close: () => server.close(),
  };
}

export function languageModel(
  baseURL: string,
  apiKey: string,
  modelId: string,
  api: LlmApi,
): MastraModelConfig {
  const provider = createOpenAI({ baseURL, apiKey });
  const model = api === 'responses' ? provider.responses(modelId) : provider.chat(modelId);
  // @ai-sdk/openai's provider types are newer than the copy bundled with @mastra/core (they add
  // the finish reason "interrupted"); the runtime contract is the same.
  return model as unknown as MastraModelConfig;
}
