import type { NamedResources } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { findLlmResource, llmBaseUrl, resolveLlm } from './llm-resource.ts';

const ids = { rolloutId: 'ro-000000000001', attemptId: 'at-00000001' };

describe('llmBaseUrl', () => {
  it('leaves a plain llm endpoint as it is', () => {
    const url = llmBaseUrl(
      { resource_type: 'llm', endpoint: 'http://h:8000/v1/', model: 'm' },
      ids,
    );
    expect(url).toBe('http://h:8000/v1/');
  });

  it.each([
    ['http://h:8000/v1', 'http://h:8000/rollout/ro-000000000001/attempt/at-00000001/v1'],
    ['http://h:8000/v1/', 'http://h:8000/rollout/ro-000000000001/attempt/at-00000001/v1'],
    ['http://h:8000', 'http://h:8000/rollout/ro-000000000001/attempt/at-00000001'],
    ['http://h:8000/', 'http://h:8000/rollout/ro-000000000001/attempt/at-00000001'],
    [
      'http://h:8000/proxy/v1',
      'http://h:8000/proxy/rollout/ro-000000000001/attempt/at-00000001/v1',
    ],
  ])('builds a proxy_llm URL like AGL does: %s', (endpoint, expected) => {
    expect(llmBaseUrl({ resource_type: 'proxy_llm', endpoint, model: 'm' }, ids)).toBe(expected);
  });
});

describe('findLlmResource / resolveLlm', () => {
  const resources: NamedResources = {
    prompt: { resource_type: 'prompt_template', template: 'x', engine: 'f-string' },
    main_llm: { resource_type: 'proxy_llm', endpoint: 'http://h/v1', model: 'policy' },
    judge: { resource_type: 'llm', endpoint: 'http://j/v1', model: 'judge', api_key: 'k' },
  };

  it('takes the first LLM when no name is given, the named one otherwise', () => {
    expect(findLlmResource(resources)?.[0]).toBe('main_llm');
    expect(findLlmResource(resources, 'judge')?.[0]).toBe('judge');
    expect(findLlmResource(resources, 'nope')).toBeUndefined();
    expect(findLlmResource(null)).toBeUndefined();
    expect(findLlmResource({ prompt: resources.prompt as NamedResources[string] })).toBeUndefined();
  });

  it('rejects a name that is not an LLM, naming it', () => {
    expect(() => findLlmResource(resources, 'prompt')).toThrow(/"prompt" is a prompt_template/);
  });

  it('resolves URL, key and sampling parameters', () => {
    expect(resolveLlm(resources, ids, 'judge')).toEqual({
      name: 'judge',
      kind: 'llm',
      baseUrl: 'http://j/v1',
      model: 'judge',
      apiKey: 'k',
      samplingParameters: {},
    });
    expect(resolveLlm(resources, ids)?.baseUrl).toBe(
      'http://h/rollout/ro-000000000001/attempt/at-00000001/v1',
    );
  });
});
