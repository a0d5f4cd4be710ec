import type { LlmApi } from '@agl/post-analyzer';

/** What the app tells its users about the model behind it (start-up line, `GET /health`). */
export interface ModelInfo {
  id: string;
  offline: boolean;
  api: LlmApi;
  baseUrl: string;
}

const API_NAMES: Record<LlmApi, string> = {
  chat: 'chat completions',
  responses: 'Responses API',
};

export function describeModel(info: ModelInfo, offlineReason?: string): string {
  if (info.offline) {
    const why = offlineReason === undefined ? '' : ` (${offlineReason})`;
    return (
      `Model: OFFLINE deterministic model "${info.id}" at ${info.baseUrl}${why}. ` +
      'Answers are synthetic, not from a real LLM; set AGL_LLM_API_KEY or AGL_LLM_BASE_URL for one.'
    );
  }
  return `Model: "${info.id}" via ${API_NAMES[info.api]} at ${info.baseUrl}.`;
}
