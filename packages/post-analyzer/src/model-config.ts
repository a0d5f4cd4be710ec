export type LlmApi = 'chat' | 'responses';

export const DEFAULT_MODEL_ID = 'gpt-4.1-mini';
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** Sent when a base URL is configured without a key (local servers such as vLLM need none). */
export const NO_API_KEY = 'no-key';

export type ModelConfig =
  | {
      offline: true;
      /** Unset: the offline model's own default id. */
      modelId: string | undefined;
      api: LlmApi;
      /** Why the offline model is used, for the start-up message. */
      reason: string;
    }
  | {
      offline: false;
      modelId: string;
      api: LlmApi;
      baseUrl: string;
      apiKey: string;
    };

export type Env = Readonly<Record<string, string | undefined>>;

/** A bad environment variable; the message names it and says what is expected. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the model settings from the environment. `AGL_LLM_*` wins over `OPENAI_*`; empty values
 * count as unset. With neither a key nor a base URL (or with `AGL_LLM_OFFLINE=1`) the offline
 * deterministic model is used.
 */
export function readModelConfig(env: Env): ModelConfig {
  const api = readApi(env);
  const forcedOffline = readFlag(env, 'AGL_LLM_OFFLINE');
  const modelName = readFirst(env, ['AGL_LLM_MODEL']);
  if (modelName !== undefined && /\s/.test(modelName.value)) {
    throw new ConfigError(
      `AGL_LLM_MODEL must be a model id without spaces, got "${modelName.value}".`,
    );
  }
  const baseUrl = readFirst(env, ['AGL_LLM_BASE_URL', 'OPENAI_BASE_URL']);
  const apiKey = readFirst(env, ['AGL_LLM_API_KEY', 'OPENAI_API_KEY']);
  if (apiKey !== undefined && /\s/.test(apiKey.value)) {
    throw new ConfigError(`${apiKey.name} must not contain spaces or line breaks.`);
  }
  const normalizedBaseUrl = baseUrl === undefined ? undefined : parseBaseUrl(baseUrl);

  if (forcedOffline || (apiKey === undefined && normalizedBaseUrl === undefined)) {
    return {
      offline: true,
      modelId: modelName?.value,
      api,
      reason: forcedOffline
        ? 'AGL_LLM_OFFLINE is set'
        : 'no AGL_LLM_API_KEY / OPENAI_API_KEY or AGL_LLM_BASE_URL / OPENAI_BASE_URL is set',
    };
  }
  return {
    offline: false,
    modelId: modelName?.value ?? DEFAULT_MODEL_ID,
    api,
    baseUrl: normalizedBaseUrl ?? DEFAULT_OPENAI_BASE_URL,
    apiKey: apiKey?.value ?? NO_API_KEY,
  };
}

function readFirst(env: Env, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') return { name, value };
  }
  return undefined;
}

function readApi(env: Env): LlmApi {
  const value = readFirst(env, ['AGL_LLM_API'])?.value.toLowerCase();
  if (value === undefined) return 'chat';
  if (value === 'chat' || value === 'responses') return value;
  throw new ConfigError(
    `AGL_LLM_API must be "chat" (chat completions) or "responses" (Responses API), got "${value}".`,
  );
}

function readFlag(env: Env, name: string): boolean {
  const value = readFirst(env, [name])?.value.toLowerCase();
  if (value === undefined || ['0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  throw new ConfigError(`${name} must be 1/true/yes or 0/false/no, got "${value}".`);
}

function parseBaseUrl({ name, value }: { name: string; value: string }): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `${name} must be an http(s) URL such as http://127.0.0.1:8000/v1, got "${value}".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must use http or https, got "${url.protocol}" in "${value}".`);
  }
  return value.replace(/\/+$/, '');
}
