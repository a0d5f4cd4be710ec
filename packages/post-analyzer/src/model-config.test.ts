import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_MODEL_ID,
  DEFAULT_OPENAI_BASE_URL,
  NO_API_KEY,
  readModelConfig,
} from './model-config.ts';

describe('readModelConfig', () => {
  it('uses the offline model when neither a key nor a base URL is set', () => {
    expect(readModelConfig({})).toEqual({
      offline: true,
      modelId: undefined,
      api: 'chat',
      reason: expect.stringContaining('no AGL_LLM_API_KEY'),
    });
  });

  it('treats empty and blank values as unset', () => {
    expect(readModelConfig({ AGL_LLM_API_KEY: '', OPENAI_BASE_URL: '   ' }).offline).toBe(true);
  });

  it('uses OpenAI with the default model when only OPENAI_API_KEY is set', () => {
    expect(readModelConfig({ OPENAI_API_KEY: 'sk-test' })).toEqual({
      offline: false,
      modelId: DEFAULT_MODEL_ID,
      api: 'chat',
      baseUrl: DEFAULT_OPENAI_BASE_URL,
      apiKey: 'sk-test',
    });
  });

  it('prefers AGL_LLM_* over OPENAI_*', () => {
    const config = readModelConfig({
      AGL_LLM_BASE_URL: 'http://127.0.0.1:8000/v1/',
      OPENAI_BASE_URL: 'https://elsewhere.example/v1',
      AGL_LLM_API_KEY: 'agl-key',
      OPENAI_API_KEY: 'sk-other',
      AGL_LLM_MODEL: 'Qwen/Qwen2.5-1.5B-Instruct',
      AGL_LLM_API: 'Responses',
    });
    expect(config).toEqual({
      offline: false,
      modelId: 'Qwen/Qwen2.5-1.5B-Instruct',
      api: 'responses',
      baseUrl: 'http://127.0.0.1:8000/v1',
      apiKey: 'agl-key',
    });
  });

  it('accepts a base URL without a key, for local servers that need none', () => {
    expect(readModelConfig({ AGL_LLM_BASE_URL: 'http://127.0.0.1:8000/v1' })).toMatchObject({
      offline: false,
      apiKey: NO_API_KEY,
    });
  });

  it('forces the offline model with AGL_LLM_OFFLINE, keeping a chosen model id', () => {
    expect(
      readModelConfig({ OPENAI_API_KEY: 'sk-test', AGL_LLM_OFFLINE: 'true', AGL_LLM_MODEL: 'm1' }),
    ).toEqual({ offline: true, modelId: 'm1', api: 'chat', reason: 'AGL_LLM_OFFLINE is set' });
    expect(readModelConfig({ OPENAI_API_KEY: 'sk-test', AGL_LLM_OFFLINE: '0' }).offline).toBe(
      false,
    );
  });

  it.each([
    [{ AGL_LLM_API: 'completions' }, 'AGL_LLM_API must be "chat"'],
    [{ AGL_LLM_OFFLINE: 'maybe' }, 'AGL_LLM_OFFLINE must be'],
    [{ AGL_LLM_MODEL: 'gpt 4' }, 'AGL_LLM_MODEL must be a model id without spaces'],
    [{ AGL_LLM_BASE_URL: 'localhost:8000' }, 'AGL_LLM_BASE_URL must use http or https'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL must be an http(s) URL'],
    [{ OPENAI_API_KEY: 'sk test' }, 'OPENAI_API_KEY must not contain spaces'],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => readModelConfig(env)).toThrow(ConfigError);
    expect(() => readModelConfig(env)).toThrow(message);
  });
});
