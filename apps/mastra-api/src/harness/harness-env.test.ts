import { describe, expect, it } from 'vitest';
import { readHarnessEnv } from './harness-env.ts';

const GOOD = {
  AGL_OPENAI_BASE_URL: 'http://agl:8080/proxy/rollout/r1/attempt/0/mode/train/openai/v1/',
  AGL_EVENT_URL: 'http://agl:8080/api/rollouts/r1/attempt/0/events',
  AGL_KEY: 'k',
  AGL_TASK_INPUT: '{"postId":"post-001"}',
};

describe('readHarnessEnv', () => {
  it('reads the controller variables and the task input', () => {
    expect(readHarnessEnv(GOOD)).toEqual({
      openaiBaseUrl: 'http://agl:8080/proxy/rollout/r1/attempt/0/mode/train/openai/v1',
      eventUrl: GOOD.AGL_EVENT_URL,
      key: 'k',
      input: { postId: 'post-001' },
    });
    expect(readHarnessEnv({ ...GOOD, AGL_KEY: undefined }).key).toBe('');
  });

  it('names the missing or broken variable and what to do', () => {
    expect(() => readHarnessEnv({ ...GOOD, AGL_EVENT_URL: undefined })).toThrow(
      /AGL_EVENT_URL is not set: AGL's controller/,
    );
    expect(() => readHarnessEnv({ ...GOOD, AGL_OPENAI_BASE_URL: 'not a url' })).toThrow(
      /absolute http\(s\) URL/,
    );
    expect(() => readHarnessEnv({ ...GOOD, AGL_OPENAI_BASE_URL: 'agl:8080' })).toThrow(
      /must use http or https/,
    );
    expect(() => readHarnessEnv({ ...GOOD, AGL_TASK_INPUT: '' })).toThrow(/tojson \| yaml_escape/);
    expect(() => readHarnessEnv({ ...GOOD, AGL_TASK_INPUT: '{oops' })).toThrow(/not valid JSON/);
  });
});
