import { describe, expect, it } from 'vitest';
import { describeModel } from './model-info.ts';

describe('describeModel', () => {
  it('names a real model, its API and where it is served', () => {
    expect(
      describeModel({
        id: 'gpt-4.1-mini',
        offline: false,
        api: 'responses',
        baseUrl: 'https://api.openai.com/v1',
      }),
    ).toBe('Model: "gpt-4.1-mini" via Responses API at https://api.openai.com/v1.');
  });

  it('says plainly when answers come from the offline deterministic model', () => {
    const line = describeModel(
      { id: 'agl-offline-1', offline: true, api: 'chat', baseUrl: 'http://127.0.0.1:5/v1' },
      'AGL_LLM_OFFLINE is set',
    );
    expect(line).toContain('OFFLINE deterministic model "agl-offline-1"');
    expect(line).toContain('(AGL_LLM_OFFLINE is set)');
    expect(line).toContain('not from a real LLM');
  });
});
