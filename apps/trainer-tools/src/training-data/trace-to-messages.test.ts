import { describe, expect, it } from 'vitest';
import { span } from '../../test/support/spans.ts';
import { MessageShapeError, spanMessages, traceToMessages } from './trace-to-messages.ts';

const call = span('c', 'a', 'openai.chat.completion', [0, 1], {
  'gen_ai.request.model': 'm',
  'gen_ai.prompt.0.role': 'system',
  'gen_ai.prompt.0.content': 'Be brief.',
  'gen_ai.prompt.1.role': 'user',
  'gen_ai.prompt.1.content': 'Weather in Paris?',
  'gen_ai.prompt.2.role': 'assistant',
  'gen_ai.prompt.2.tool_calls.0.id': 'call-0',
  'gen_ai.prompt.2.tool_calls.0.name': 'weather',
  'gen_ai.prompt.2.tool_calls.0.arguments': '{"city":"Lyon"}',
  'gen_ai.prompt.3.role': 'tool',
  'gen_ai.prompt.3.content': 'rain',
  'gen_ai.prompt.3.tool_call_id': 'call-0',
  'gen_ai.completion.0.role': 'assistant',
  'gen_ai.completion.0.content': '',
  'gen_ai.completion.0.tool_calls.0.id': 'ignored',
  'gen_ai.request.functions.0.name': 'weather',
  'gen_ai.request.functions.0.description': 'Weather for a city',
  'gen_ai.request.functions.0.parameters': '{"type":"object"}',
});
const tool = span('t', 'c', 'execute_tool weather', [0.5, 0.6], {
  'tool.name': 'weather',
  'tool.parameters': '{"city":"Paris"}',
  'tool.call.id': 'call-1',
  'tool.call.type': 'function',
});

describe('spanMessages', () => {
  it("builds messages, the completion's tool calls from child spans, and tool definitions", () => {
    expect(spanMessages(call, [tool])).toEqual({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call-0',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Lyon"}' },
            },
          ],
        },
        { role: 'tool', content: 'rain', tool_call_id: 'call-0' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            {
              id: 'call-1',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'weather',
            description: 'Weather for a city',
            parameters: { type: 'object' },
          },
        },
      ],
    });
  });

  it('is null for a span without GenAI attributes, and empty for request keys only', () => {
    expect(spanMessages(span('x', null, 'tool', [0, 1], { a: 1 }), [])).toBeNull();
    expect(
      spanMessages(span('x', null, 'chat', [0, 1], { 'gen_ai.response.id': 'r' }), []),
    ).toEqual({
      messages: [],
      tools: null,
    });
  });

  it.each([
    [{ 'gen_ai.prompt.role': 'user' }, /gen_ai\.prompt is not a list/],
    [
      { 'gen_ai.prompt.0.role': 'wizard', 'gen_ai.prompt.0.content': 'x' },
      /"wizard" is not an OpenAI chat role/,
    ],
    [{ 'gen_ai.prompt.0.role': 'tool', 'gen_ai.prompt.0.content': 'x' }, /has no tool_call_id/],
    [{ 'gen_ai.prompt.0.role': 'user', 'gen_ai.prompt.0.content': 5 }, /not text or content parts/],
    [
      { 'gen_ai.request.functions.0.name': 'f', 'gen_ai.request.functions.0.parameters': '{' },
      /not JSON/,
    ],
  ])('raises where AGL raises: %j', (attributes, message) => {
    const bad = span('b', null, 'openai.chat.completion', [0, 1], attributes);
    expect(() => spanMessages(bad, [])).toThrow(MessageShapeError);
    expect(() => spanMessages(bad, [])).toThrow(message);
  });
});

describe('traceToMessages', () => {
  it('makes one record per span with GenAI attributes, in span order', () => {
    const records = traceToMessages([
      call,
      tool,
      span('r', null, 'chat', [0, 1], { 'gen_ai.request.model': 'm' }),
    ]);
    expect(records.map((record) => record.messages.length)).toEqual([5, 0]);
  });
});
