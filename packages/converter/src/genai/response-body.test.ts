import { describe, expect, it } from 'vitest';
import { writeResponseBodyFacts } from './response-body.ts';

function run(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  writeResponseBodyFacts({ 'mastra.metadata.body': JSON.stringify(body) }, (key, value) => {
    out[key] = value;
  });
  return out;
}

describe('writeResponseBodyFacts', () => {
  it('reads the response id and vLLM token ids', () => {
    expect(
      run({ id: 'chatcmpl-1', prompt_token_ids: [1, 2], choices: [{ token_ids: [3] }] }),
    ).toEqual({
      'gen_ai.response.id': 'chatcmpl-1',
      prompt_token_ids: [1, 2],
      response_token_ids: [3],
    });
  });

  it('finds completion ids under provider_specific_fields', () => {
    expect(run({ choices: [{ provider_specific_fields: { token_ids: [9, 8] } }] })).toEqual({
      response_token_ids: [9, 8],
    });
  });

  it('ignores bodies without them, and ids that are not integers', () => {
    expect(run({ choices: [{ message: { content: 'hi' } }] })).toEqual({});
    expect(run({ prompt_token_ids: [1.5], choices: [{ token_ids: ['a'] }] })).toEqual({});
    expect(run('text')).toEqual({});
    const out: Record<string, unknown> = {};
    writeResponseBodyFacts({ 'mastra.metadata.body': '{broken' }, (key, value) => {
      out[key] = value;
    });
    expect(out).toEqual({});
  });
});
