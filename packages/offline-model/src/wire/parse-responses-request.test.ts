import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.ts';
import { message } from '../policy/conversation.ts';
import { parseResponsesRequest, type ResponseHistory } from './parse-responses-request.ts';

const empty: ResponseHistory = { item: () => undefined, conversation: () => undefined };

function rejects(body: unknown, pattern: RegExp, history = empty) {
  expect(() => parseResponsesRequest(body, history)).toThrow(pattern);
  try {
    parseResponsesRequest(body, history);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
  }
}

describe('parseResponsesRequest', () => {
  it('reads a string input and instructions', () => {
    const parsed = parseResponsesRequest(
      { input: 'hello', instructions: 'be nice', model: 'm' },
      empty,
    );
    expect(parsed.request.messages).toEqual([
      message('system', 'be nice'),
      message('user', 'hello'),
    ]);
    expect(parsed.model).toBe('m');
    expect(parsed.stream).toBe(false);
    expect(parsed.echo).toMatchObject({
      instructions: 'be nice',
      store: true,
      parallelToolCalls: true,
    });
  });

  it('reads message, function call, output and reference items; skips others', () => {
    const history: ResponseHistory = {
      item: (id) => (id === 'msg_1' ? message('assistant', 'earlier answer') : undefined),
      conversation: () => undefined,
    };
    const { request } = parseResponsesRequest(
      {
        input: [
          { role: 'developer', content: 'rules' },
          { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'q' }] },
          { type: 'item_reference', id: 'msg_1' },
          { type: 'item_reference', id: 'msg_forgotten' },
          { type: 'reasoning', id: 'rs_1', summary: [] },
          { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{"a":1}' },
          {
            type: 'function_call_output',
            call_id: 'c1',
            output: [{ type: 'input_text', text: 'ok' }],
          },
          { type: 'function_call_output', call_id: 'c2', output: { structured: true } },
        ],
      },
      history,
    );
    expect(request.messages).toEqual([
      message('system', 'rules'),
      message('user', 'q'),
      message('assistant', 'earlier answer'),
      message('assistant', '', { toolCalls: [{ id: 'c1', name: 'f', arguments: '{"a":1}' }] }),
      message('tool', 'ok', { toolCallId: 'c1' }),
      message('tool', '{"structured":true}', { toolCallId: 'c2' }),
    ]);
  });

  it('prepends the conversation of previous_response_id', () => {
    const history: ResponseHistory = {
      item: () => undefined,
      conversation: (id) =>
        id === 'resp_1'
          ? [message('system', 'old rules'), message('user', 'a'), message('assistant', 'b')]
          : undefined,
    };
    const { request } = parseResponsesRequest(
      { input: 'c', instructions: 'new rules', previous_response_id: 'resp_1' },
      history,
    );
    expect(request.messages.map((item) => item.text)).toEqual(['new rules', 'a', 'b', 'c']);
  });

  it('reads function tools, tool_choice and text formats', () => {
    const { request } = parseResponsesRequest(
      {
        input: 'x',
        tools: [
          { type: 'function', name: 'f', parameters: { type: 'object' } },
          { type: 'web_search' },
        ],
        tool_choice: { type: 'function', name: 'f' },
        text: {
          format: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true },
        },
      },
      empty,
    );
    expect(request.tools).toEqual([{ name: 'f', description: '', parameters: { type: 'object' } }]);
    expect(request.toolChoice).toEqual({ type: 'function', name: 'f' });
    expect(request.output).toEqual({
      type: 'json_schema',
      name: 'out',
      schema: { type: 'object' },
    });
    const other = parseResponsesRequest(
      { input: 'x', text: { format: { type: 'json_object' } } },
      empty,
    );
    expect(other.request.output).toEqual({ type: 'json_object' });
  });

  it('says what is wrong with a bad body', () => {
    rejects('x', /'body' must be a JSON object/);
    rejects({}, /Missing required parameter: 'input'/);
    rejects({ input: 3 }, /'input' must be a string or an array/);
    rejects({ input: ['hi'] }, /'input\[0\]' must be an input item object/);
    rejects({ input: [{ role: 'robot', content: 'x' }] }, /Invalid value for 'input\[0\].role'/);
    rejects({ input: [{ type: 'function_call', name: 'f' }] }, /input\[0\].call_id/);
    rejects({ input: [{ type: 'function_call_output', output: 'x' }] }, /input\[0\].call_id/);
    rejects({ input: 'x', tools: [{ type: 'function' }] }, /tools\[0\].name/);
    rejects({ input: 'x', tool_choice: { type: 'function', name: 'g' } }, /not among 'tools'/);
    rejects(
      { input: 'x', text: { format: { type: 'json_schema' } } },
      /text.format.schema' is required/,
    );
    rejects(
      { input: 'x', previous_response_id: 'resp_gone' },
      /Previous response with id 'resp_gone' not found/,
    );
  });
});
