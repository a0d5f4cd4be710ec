import { describe, expect, it } from 'vitest';
import type { StreamPart } from './sdk-types.ts';
import { StreamCollector } from './stream-collector.ts';

const finish = {
  type: 'finish',
  usage: {
    inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: 2, text: 2, reasoning: 0 },
  },
  finishReason: { unified: 'stop', raw: 'stop' },
  providerMetadata: { vllm: { prompt_token_ids: [90], response_token_ids: [91] } },
} as StreamPart;

function collect(parts: readonly unknown[]): StreamCollector {
  const collector = new StreamCollector();
  for (const part of parts) collector.add(part as StreamPart);
  return collector;
}

describe('StreamCollector', () => {
  it('assembles text and reasoning parts by stream id, in the order they started', () => {
    const outcome = collect([
      { type: 'reasoning-start', id: 'r' },
      { type: 'text-delta', id: 't', delta: 'Hel' },
      { type: 'reasoning-delta', id: 'r', delta: 'think' },
      { type: 'text-delta', id: 't', delta: 'lo' },
      { type: 'response-metadata', id: 'resp-1', modelId: 'm-1' },
      { type: 'response-metadata', modelId: 'm-2' },
      finish,
    ]).outcome();
    expect(outcome.content).toEqual([
      { type: 'reasoning', text: 'think' },
      { type: 'text', text: 'Hello' },
    ]);
    expect(outcome).toMatchObject({ responseId: 'resp-1', responseModel: 'm-2', errors: [] });
    expect(outcome.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
  });

  it('joins the completion ids of raw chunks and prefers them to provider metadata', () => {
    const outcome = collect([
      { type: 'raw', rawValue: { prompt_token_ids: [1, 2], choices: [{ token_ids: [3] }] } },
      { type: 'raw', rawValue: { prompt_token_ids: [7], choices: [{ token_ids: [4, 5] }] } },
      finish,
    ]).outcome();
    expect(outcome.promptTokenIds).toEqual([1, 2]);
    expect(outcome.responseTokenIds).toEqual([3, 4, 5]);
  });

  it('falls back to the ids in provider metadata and keeps every error part', () => {
    const outcome = collect([
      { type: 'error', error: new Error('first') },
      finish,
      { type: 'error', error: 'second' },
    ]).outcome();
    expect(outcome.promptTokenIds).toEqual([90]);
    expect(outcome.responseTokenIds).toEqual([91]);
    expect(outcome.errors).toEqual([new Error('first'), 'second']);
  });

  it('never throws on a part it cannot read', () => {
    const collector = collect([{ type: 'text-delta', id: 't', delta: 'ok' }]);
    expect(() => collector.add(null as unknown as StreamPart)).not.toThrow();
    expect(collector.outcome().content).toEqual([{ type: 'text', text: 'ok' }]);
  });
});
