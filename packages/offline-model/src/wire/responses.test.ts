import { describe, expect, it } from 'vitest';
import type { ModelReply } from '../policy/conversation.ts';
import { tokenIds } from '../tokens.ts';
import type { ResponsesEcho } from './parse-responses-request.ts';
import { outputItems, responseEvents, responseObject } from './responses.ts';

const echo: ResponsesEcho = {
  instructions: null,
  tools: [],
  toolChoice: 'auto',
  text: { format: { type: 'text' } },
  parallelToolCalls: true,
  previousResponseId: null,
  temperature: null,
  topP: null,
  maxOutputTokens: null,
  metadata: {},
  store: true,
  user: null,
};
const meta = { id: 'resp_1', createdAt: 5, model: 'm', echo };
const usage = { promptTokenIds: tokenIds('a b'), completionTokenIds: tokenIds('c') };
const text: ModelReply = { type: 'message', text: 'alpha beta gamma delta epsilon' };
const calls: ModelReply = {
  type: 'tool_calls',
  calls: [
    { id: 'call_1', name: 'f', arguments: '{"a":1}' },
    { id: 'call_2', name: 'g', arguments: '{}' },
  ],
};

describe('outputItems', () => {
  it('makes one message item for text', () => {
    const [item] = outputItems(text, 'resp_1');
    expect(item).toMatchObject({
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: 'alpha beta gamma delta epsilon', annotations: [] }],
    });
    expect(item?.id).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('makes one function_call item per call, keeping the call ids', () => {
    const items = outputItems(calls, 'resp_1');
    expect(items.map((item) => item.type === 'function_call' && [item.call_id, item.name])).toEqual(
      [
        ['call_1', 'f'],
        ['call_2', 'g'],
      ],
    );
    expect(items[0]?.id).toMatch(/^fc_/);
    expect(items[0]?.id).not.toBe(items[1]?.id);
  });
});

describe('responseObject', () => {
  it('has the Response shape with usage when completed', () => {
    const body = responseObject(meta, 'completed', outputItems(text, 'resp_1'), usage);
    expect(body).toMatchObject({
      id: 'resp_1',
      object: 'response',
      status: 'completed',
      model: 'm',
      usage: { input_tokens: 2, output_tokens: 1, total_tokens: 3 },
      temperature: 1,
      top_p: 1,
    });
    expect(responseObject(meta, 'in_progress', [], null)).toMatchObject({
      usage: null,
      output: [],
    });
  });
});

describe('responseEvents', () => {
  const types = (reply: ModelReply) =>
    responseEvents(meta, outputItems(reply, 'resp_1'), usage).map((event) => event.type);

  it('streams a message in the Responses API order', () => {
    const sequence = types(text);
    expect(sequence.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(sequence.slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(sequence.filter((type) => type === 'response.output_text.delta').length).toBeGreaterThan(
      1,
    );
  });

  it('streams function calls with argument deltas', () => {
    expect(types(calls)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
  });

  it('numbers events and rebuilds the final text from the deltas', () => {
    const events = responseEvents(meta, outputItems(text, 'resp_1'), usage) as Array<
      Record<string, unknown>
    >;
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    const deltas = events
      .filter((event) => event.type === 'response.output_text.delta')
      .map((event) => event.delta);
    expect(deltas.join('')).toBe('alpha beta gamma delta epsilon');
    expect(events.at(-1)).toMatchObject({
      response: { status: 'completed', output: outputItems(text, 'resp_1') },
    });
  });
});
