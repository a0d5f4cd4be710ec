import { describe, expect, it } from 'vitest';
import { message } from '../policy/conversation.ts';
import { outputItems } from '../wire/responses.ts';
import { ResponseHistoryStore } from './response-history.ts';

describe('ResponseHistoryStore', () => {
  it('remembers conversations and output items by id', () => {
    const history = new ResponseHistoryStore();
    const text = outputItems({ type: 'message', text: 'answer' }, 'resp_1');
    const calls = outputItems(
      { type: 'tool_calls', calls: [{ id: 'c', name: 'f', arguments: '{}' }] },
      'resp_2',
    );
    history.remember('resp_1', [message('user', 'q')], text);
    history.remember('resp_2', [message('user', 'q2')], calls);
    expect(history.conversation('resp_1')).toEqual([
      message('user', 'q'),
      message('assistant', 'answer'),
    ]);
    expect(history.item(text[0]?.id ?? '')).toEqual(message('assistant', 'answer'));
    expect(history.item(calls[0]?.id ?? '')).toEqual(
      message('assistant', '', { toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }] }),
    );
    expect(history.item('msg_unknown')).toBeUndefined();
  });

  it('forgets the oldest responses beyond its bound', () => {
    const history = new ResponseHistoryStore(2);
    for (const id of ['r1', 'r2', 'r3']) history.remember(id, [], []);
    expect(history.conversation('r1')).toBeUndefined();
    expect(history.conversation('r3')).toEqual([]);
    history.remember('r2', [message('user', 'again')], []);
    history.remember('r4', [], []);
    expect(history.conversation('r2')).toEqual([message('user', 'again')]);
    expect(history.conversation('r3')).toBeUndefined();
  });
});
