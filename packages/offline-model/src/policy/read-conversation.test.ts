import { describe, expect, it } from 'vitest';
import { message } from './conversation.ts';
import { currentToolResults, lastUserIndex, readConversation } from './read-conversation.ts';

const call = { id: 'call_1', name: 'lookup', arguments: '{}' };

describe('readConversation', () => {
  it('focuses on the last user message', () => {
    const context = readConversation([
      message('system', 'You are terse.'),
      message('user', 'first question'),
      message('assistant', 'first answer'),
      message('user', '  second #question  '),
    ]);
    expect(context.focusText).toBe('second #question');
    expect(context.facts.hashtags).toEqual(['#question']);
  });

  it('falls back to the last non-system text when there is no user message', () => {
    expect(readConversation([message('system', 'sys'), message('assistant', 'hi')]).focusText).toBe(
      'hi',
    );
    expect(readConversation([message('system', 'only system')]).focusText).toBe('');
    expect(readConversation([]).focusText).toBe('');
  });
});

describe('currentToolResults', () => {
  it('returns only results after the last user message, named after their call', () => {
    const messages = [
      message('user', 'one'),
      message('assistant', '', { toolCalls: [call] }),
      message('tool', '{"a":1}', { toolCallId: 'call_1' }),
      message('user', 'two'),
      message('assistant', '', { toolCalls: [{ ...call, id: 'call_2' }] }),
      message('tool', 'plain text', { toolCallId: 'call_2' }),
      message('tool', '3', { toolCallId: 'unknown' }),
    ];
    expect(lastUserIndex(messages)).toBe(3);
    expect(currentToolResults(messages)).toEqual([
      { callId: 'call_2', name: 'lookup', text: 'plain text', value: undefined },
      { callId: 'unknown', name: '', text: '3', value: 3 },
    ]);
  });

  it('is empty before any tool ran', () => {
    expect(currentToolResults([message('user', 'hi')])).toEqual([]);
  });
});
