import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.ts';
import { parseChatRequest } from './parse-chat-request.ts';

function rejects(body: unknown, message: RegExp, param?: string | null) {
  try {
    parseChatRequest(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toMatch(message);
    if (param !== undefined) expect((error as ApiError).param).toBe(param);
    return;
  }
  throw new Error('expected a 400');
}

const user = { role: 'user', content: 'hi' };

describe('parseChatRequest', () => {
  it('reads messages of every role, content parts and tool calls', () => {
    const { request } = parseChatRequest({
      messages: [
        { role: 'developer', content: 'rules' },
        {
          role: 'user',
          content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: {} }, 'b'],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'f', arguments: { x: 1 } } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: '{"ok":true}' },
        { role: 'function', name: 'legacy', content: 'r' },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'system', text: 'rules', toolCalls: [] },
      { role: 'user', text: 'a\nb', toolCalls: [] },
      { role: 'assistant', text: '', toolCalls: [{ id: 'c1', name: 'f', arguments: '{"x":1}' }] },
      { role: 'tool', text: '{"ok":true}', toolCalls: [], toolCallId: 'c1' },
      { role: 'tool', text: 'r', toolCalls: [], toolCallId: 'legacy' },
    ]);
  });

  it('reads tools, tool_choice, parallel calls and response formats', () => {
    const parameters = { type: 'object', properties: { q: { type: 'string' } } };
    const { request } = parseChatRequest({
      messages: [user],
      tools: [
        { type: 'function', function: { name: 'search', description: 'Search', parameters } },
        { type: 'function', function: { name: 'bare' } },
        { type: 'custom', custom: { name: 'ignored' } },
      ],
      tool_choice: { type: 'function', function: { name: 'search' } },
      parallel_tool_calls: false,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'out', schema: { type: 'object' } },
      },
    });
    expect(request.tools).toEqual([
      { name: 'search', description: 'Search', parameters },
      { name: 'bare', description: '', parameters: { type: 'object', properties: {} } },
    ]);
    expect(request.toolChoice).toEqual({ type: 'function', name: 'search' });
    expect(request.parallelToolCalls).toBe(false);
    expect(request.output).toEqual({
      type: 'json_schema',
      name: 'out',
      schema: { type: 'object' },
    });
    expect(
      parseChatRequest({ messages: [user], response_format: { type: 'json_object' } }).request
        .output,
    ).toEqual({
      type: 'json_object',
    });
  });

  it('reads the streaming and token-id options, with defaults', () => {
    expect(parseChatRequest({ messages: [user] }).options).toEqual({
      model: undefined,
      stream: false,
      includeUsage: false,
      returnTokenIds: false,
      logprobs: false,
    });
    expect(
      parseChatRequest({
        model: 'm',
        messages: [user],
        stream: true,
        stream_options: { include_usage: true },
        return_token_ids: true,
        logprobs: true,
      }).options,
    ).toEqual({
      model: 'm',
      stream: true,
      includeUsage: true,
      returnTokenIds: true,
      logprobs: true,
    });
  });

  it('says what is wrong with a bad body', () => {
    rejects([], /'body' must be a JSON object, got an array/);
    rejects({}, /Missing required parameter: 'messages'/, 'messages');
    rejects({ messages: [] }, /at least one message/, 'messages');
    rejects({ messages: 'hi' }, /'messages' must be an array, got a string/, 'messages');
    rejects({ messages: [5] }, /'messages\[0\]' must be an object/, 'messages[0]');
    rejects({ messages: [{ content: 'x' }] }, /Missing required parameter: 'messages\[0\].role'/);
    rejects({ messages: [{ role: 'robot' }] }, /Invalid value for 'messages\[0\].role': 'robot'/);
    rejects({ messages: [{ role: 'user', content: 3 }] }, /string or an array of content parts/);
    rejects({ messages: [{ role: 'tool', content: 'x' }] }, /messages\[0\].tool_call_id/);
    rejects(
      { messages: [user], tools: [{ type: 'function', function: {} }] },
      /tools\[0\].function.name/,
    );
    rejects({ messages: [user], tool_choice: 'sometimes' }, /Invalid value for 'tool_choice'/);
    rejects(
      { messages: [user], tool_choice: { type: 'function', function: { name: 'nope' } } },
      /names the function 'nope', which is not among 'tools'/,
    );
    rejects({ messages: [user], response_format: { type: 'xml' } }, /response_format.type/);
    rejects(
      { messages: [user], response_format: { type: 'json_schema' } },
      /json_schema' is required/,
    );
    rejects({ messages: [user], stream: 'yes' }, /'stream' must be true or false/);
    rejects({ messages: [user], model: 4 }, /'model' must be a string/);
  });
});
