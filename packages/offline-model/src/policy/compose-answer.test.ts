import { describe, expect, it } from 'vitest';
import { composeAnswer, composeTextAnswer, jsonObjectAnswer } from './compose-answer.ts';
import { message } from './conversation.ts';
import { readConversation } from './read-conversation.ts';

const withTool = readConversation([
  message('user', 'Check https://example.com for @bob, 2 items, #sale'),
  message('assistant', '', { toolCalls: [{ id: 'c1', name: 'fetchPage', arguments: '{}' }] }),
  message('tool', '{"status":200}', { toolCallId: 'c1' }),
]);

describe('composeTextAnswer', () => {
  it('restates the request, the tool results and the facts found', () => {
    expect(composeTextAnswer(withTool)).toBe(
      [
        '[offline model] You wrote: "Check https://example.com for @bob, 2 items, #sale"',
        'Tool results:',
        '- fetchPage: {"status":200}',
        'Noticed: 6 words; key terms check, bob, items, sale; hashtags #sale; mentions @bob; ' +
          'numbers 2; links https://example.com; sentiment neutral.',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to answer', () => {
    expect(composeTextAnswer(readConversation([]))).toBe(
      '[offline model] There is no user message to answer.',
    );
  });
});

describe('composeAnswer', () => {
  it('writes JSON for schemas and json_object, text otherwise', () => {
    const schema = {
      type: 'object',
      properties: { status: { type: 'integer' } },
      required: ['status'],
    };
    expect(composeAnswer({ type: 'json_schema', name: 'x', schema }, withTool, 's')).toBe(
      '{"status":200}',
    );
    expect(JSON.parse(composeAnswer({ type: 'json_object' }, withTool, 's'))).toEqual(
      jsonObjectAnswer(withTool),
    );
    expect(composeAnswer({ type: 'text' }, withTool, 's')).toBe(composeTextAnswer(withTool));
  });

  it('writes null for an unsatisfiable schema rather than failing', () => {
    expect(composeAnswer({ type: 'json_schema', name: 'x', schema: false }, withTool, 's')).toBe(
      'null',
    );
  });
});
