import { describe, expect, it } from 'vitest';
import type { ModelReply } from '../policy/conversation.ts';
import { tokenIds } from '../tokens.ts';
import { chatCompletionBody, chatCompletionChunks } from './chat-completion.ts';

const meta = { id: 'chatcmpl-x', created: 1, model: 'm' };
const text: ModelReply = { type: 'message', text: 'one two three four five six seven' };
const calls: ModelReply = {
  type: 'tool_calls',
  calls: [
    { id: 'call_a', name: 'first', arguments: '{"text":"a b c d e f g h i"}' },
    { id: 'call_b', name: 'second', arguments: '{}' },
  ],
};
const usageOf = (reply: ModelReply) => ({
  promptTokenIds: tokenIds('user: hi'),
  completionTokenIds: tokenIds(
    reply.type === 'message'
      ? reply.text
      : reply.calls.map((c) => `${c.name} ${c.arguments}`).join('\n'),
  ),
});
const plain = { returnTokenIds: false, logprobs: false, includeUsage: false };
const everything = { returnTokenIds: true, logprobs: true, includeUsage: true };

type Chunk = {
  choices: Array<{
    delta: Record<string, unknown>;
    finish_reason: string | null;
    token_ids?: number[];
  }>;
  usage?: unknown;
  prompt_token_ids?: number[];
};

describe('chatCompletionBody', () => {
  it('carries text, finish reason and usage', () => {
    const body = chatCompletionBody(text, usageOf(text), meta, plain);
    expect(body).toMatchObject({
      id: 'chatcmpl-x',
      object: 'chat.completion',
      choices: [
        {
          message: { role: 'assistant', content: text.type === 'message' && text.text },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 7, total_tokens: 10 },
    });
    expect(body).not.toHaveProperty('prompt_token_ids');
  });

  it('carries tool calls with null content', () => {
    const body = chatCompletionBody(calls, usageOf(calls), meta, plain);
    expect(body.choices[0]?.message).toMatchObject({
      content: null,
      tool_calls: [
        { id: 'call_a', type: 'function', function: { name: 'first' } },
        { id: 'call_b', type: 'function', function: { name: 'second', arguments: '{}' } },
      ],
    });
    expect(body.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('adds vLLM token ids and certain logprobs on request', () => {
    const usage = usageOf(text);
    const body = chatCompletionBody(text, usage, meta, everything);
    expect(body.prompt_token_ids).toEqual(usage.promptTokenIds);
    expect(body.choices[0]?.token_ids).toEqual(usage.completionTokenIds);
    expect(body.choices[0]?.logprobs?.content).toHaveLength(7);
    expect(body.choices[0]?.logprobs?.content[0]).toEqual({
      token: 'one',
      logprob: 0,
      bytes: [111, 110, 101],
      top_logprobs: [],
    });
  });
});

describe('chatCompletionChunks', () => {
  it('streams the role, text pieces, the finish reason and the usage chunk', () => {
    const chunks = chatCompletionChunks(text, usageOf(text), meta, everything) as Chunk[];
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '', refusal: null });
    expect(chunks[0]?.prompt_token_ids).toEqual(tokenIds('user: hi'));
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(content).toBe(text.type === 'message' ? text.text : '');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 7 } });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    const streamedIds = chunks.flatMap((chunk) => chunk.choices[0]?.token_ids ?? []);
    expect(streamedIds).toEqual(usageOf(text).completionTokenIds);
  });

  it('streams each tool call as a header then argument pieces', () => {
    const chunks = chatCompletionChunks(calls, usageOf(calls), meta, {
      ...plain,
      returnTokenIds: true,
    }) as Chunk[];
    const deltas = chunks.flatMap(
      (chunk) => (chunk.choices[0]?.delta.tool_calls as object[]) ?? [],
    );
    expect(deltas[0]).toEqual({
      index: 0,
      id: 'call_a',
      type: 'function',
      function: { name: 'first', arguments: '' },
    });
    const args = (index: number) =>
      deltas
        .filter((delta) => (delta as { index: number }).index === index)
        .map((delta) => (delta as { function: { arguments: string } }).function.arguments)
        .join('');
    expect(args(0)).toBe('{"text":"a b c d e f g h i"}');
    expect(args(1)).toBe('{}');
    expect(deltas.length).toBeGreaterThan(4);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks.flatMap((chunk) => chunk.choices[0]?.token_ids ?? [])).toEqual(
      usageOf(calls).completionTokenIds,
    );
  });

  it('omits usage fields unless asked', () => {
    const chunks = chatCompletionChunks(text, usageOf(text), meta, plain) as Chunk[];
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });
});
