import { describe, expect, it } from 'vitest';
import { message } from './policy/conversation.ts';
import { countUsage, renderPrompt, renderReply } from './token-usage.ts';
import { tokenIds } from './tokens.ts';

const request = {
  messages: [
    message('system', 'Be brief.'),
    message('user', 'Count: one two'),
    message('assistant', '', { toolCalls: [{ id: 'c', name: 'count', arguments: '{"n":2}' }] }),
  ],
  tools: [{ name: 'count', description: 'Counts', parameters: { type: 'object' } }],
  toolChoice: { type: 'auto' as const },
  parallelToolCalls: true,
  output: { type: 'text' as const },
};

describe('countUsage', () => {
  it('renders messages, calls and tools into the prompt', () => {
    expect(renderPrompt(request)).toBe(
      [
        'system: Be brief.',
        'user: Count: one two',
        'assistant: ',
        'call count {"n":2}',
        'tool count: Counts {"type":"object"}',
      ].join('\n'),
    );
  });

  it('renders text replies and tool calls into the completion', () => {
    expect(renderReply({ type: 'message', text: 'hi there' })).toBe('hi there');
    expect(
      renderReply({
        type: 'tool_calls',
        calls: [
          { id: 'a', name: 'x', arguments: '{}' },
          { id: 'b', name: 'y', arguments: '{"k":1}' },
        ],
      }),
    ).toBe('x {}\ny {"k":1}');
  });

  it('gives the token ids of those renderings', () => {
    const usage = countUsage(request, { type: 'message', text: 'two words' });
    expect(usage.promptTokenIds).toEqual(tokenIds(renderPrompt(request)));
    expect(usage.completionTokenIds).toEqual(tokenIds('two words'));
    expect(usage.completionTokenIds).toHaveLength(2);
  });
});
