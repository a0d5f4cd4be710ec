import { describe, expect, it } from 'vitest';
import { tokenIdsFromChunk, tokenIdsFromMetadata } from './token-ids.ts';

describe('tokenIdsFromChunk', () => {
  it("reads vLLM's prompt ids and the first choice's completion ids", () => {
    expect(
      tokenIdsFromChunk({
        prompt_token_ids: [1, 2],
        choices: [{ token_ids: [3] }, { token_ids: [9] }],
      }),
    ).toEqual({ prompt: [1, 2], response: [3] });
  });

  it('reads completion ids under provider_specific_fields', () => {
    expect(
      tokenIdsFromChunk({ choices: [{ provider_specific_fields: { token_ids: [4, 5] } }] }),
    ).toEqual({ response: [4, 5] });
  });

  it('ignores anything that is not a list of integers', () => {
    expect(tokenIdsFromChunk({ prompt_token_ids: [1.5], choices: [{ token_ids: ['7'] }] })).toEqual(
      {},
    );
    expect(tokenIdsFromChunk('data: [DONE]')).toEqual({});
    expect(tokenIdsFromChunk([{ prompt_token_ids: [1] }])).toEqual({});
    expect(tokenIdsFromChunk(null)).toEqual({});
  });
});

describe('tokenIdsFromMetadata', () => {
  it('finds ids under any provider key, snake or camel case', () => {
    expect(
      tokenIdsFromMetadata({
        openai: {},
        vllm: { prompt_token_ids: [1], response_token_ids: [2] },
      }),
    ).toEqual({
      prompt: [1],
      response: [2],
    });
    expect(tokenIdsFromMetadata({ custom: { responseTokenIds: [8] } })).toEqual({ response: [8] });
  });

  it('returns nothing when no provider entry carries ids', () => {
    expect(tokenIdsFromMetadata({ openai: { reasoningTokens: 3 } })).toEqual({});
    expect(tokenIdsFromMetadata(undefined)).toEqual({});
  });
});
