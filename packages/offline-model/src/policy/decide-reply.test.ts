import { describe, expect, it } from 'vitest';
import { isValid } from '../schema/validate-value.ts';
import { type ModelRequest, message, type OfferedTool } from './conversation.ts';
import { decideReply, MAX_TOOL_CALLS, toolsToCall } from './decide-reply.ts';

const tool = (
  name: string,
  properties: Record<string, object> = { text: { type: 'string' } },
): OfferedTool => ({
  name,
  description: `${name} tool`,
  parameters: {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  },
});

const request = (overrides: Partial<ModelRequest> = {}): ModelRequest => ({
  messages: [message('user', 'I love the #launch, 3 cheers')],
  tools: [],
  toolChoice: { type: 'auto' },
  parallelToolCalls: true,
  output: { type: 'text' },
  ...overrides,
});

const schema = {
  type: 'object',
  properties: {
    sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] },
    hashtags: { type: 'array', items: { type: 'string' } },
  },
  required: ['sentiment', 'hashtags'],
  additionalProperties: false,
};

describe('decideReply: tool calls', () => {
  it('calls every offered tool with schema-valid arguments from the user text', () => {
    const tools = [tool('analyze'), tool('count', { n: { type: 'integer' } })];
    const reply = decideReply(request({ tools }));
    expect(reply.type).toBe('tool_calls');
    if (reply.type !== 'tool_calls') return;
    expect(reply.calls.map((call) => call.name)).toEqual(['analyze', 'count']);
    expect(JSON.parse(reply.calls[0]?.arguments ?? '')).toEqual({
      text: 'I love the #launch, 3 cheers',
    });
    expect(JSON.parse(reply.calls[1]?.arguments ?? '')).toEqual({ n: 3 });
    reply.calls.forEach((call, index) => {
      expect(call.id).toMatch(/^call_[0-9a-f]{24}$/);
      expect(isValid(tools[index]?.parameters, JSON.parse(call.arguments))).toBe(true);
    });
    expect(new Set(reply.calls.map((call) => call.id)).size).toBe(2);
  });

  it('caps the number of calls, and makes one when parallel calls are off', () => {
    const tools = Array.from({ length: 7 }, (_, i) => tool(`t${i}`));
    expect(toolsToCall(request({ tools }))).toHaveLength(MAX_TOOL_CALLS);
    expect(toolsToCall(request({ tools, parallelToolCalls: false }))).toHaveLength(1);
  });

  it('honours tool_choice none and a named function', () => {
    const tools = [tool('a'), tool('b')];
    expect(decideReply(request({ tools, toolChoice: { type: 'none' } })).type).toBe('message');
    expect(toolsToCall(request({ tools, toolChoice: { type: 'function', name: 'b' } }))).toEqual([
      tools[1],
    ]);
  });

  it('answers once results arrived, and calls again after a new user message', () => {
    const tools = [tool('analyze')];
    const first = decideReply(request({ tools }));
    if (first.type !== 'tool_calls') throw new Error('expected tool calls');
    const withResults = [
      ...request().messages,
      message('assistant', '', { toolCalls: first.calls }),
      message('tool', '{"ok":true}', { toolCallId: first.calls[0]?.id ?? '' }),
    ];
    expect(decideReply(request({ tools, messages: withResults })).type).toBe('message');
    const nextTurn = [...withResults, message('assistant', 'done'), message('user', 'again')];
    expect(decideReply(request({ tools, messages: nextTurn })).type).toBe('tool_calls');
  });

  it('sends {} for tools without a usable parameter schema', () => {
    const reply = decideReply(
      request({ tools: [{ name: 'ping', description: '', parameters: { type: 'string' } }] }),
    );
    expect(reply).toMatchObject({ type: 'tool_calls', calls: [{ name: 'ping', arguments: '{}' }] });
  });
});

describe('decideReply: answers', () => {
  it('returns JSON valid against a requested schema, derived from the text', () => {
    const reply = decideReply(request({ output: { type: 'json_schema', name: 'r', schema } }));
    expect(reply.type).toBe('message');
    if (reply.type !== 'message') return;
    const value = JSON.parse(reply.text);
    expect(isValid(schema, value)).toBe(true);
    expect(value).toEqual({ sentiment: 'positive', hashtags: ['#launch'] });
  });

  it('returns a JSON object for json_object', () => {
    const reply = decideReply(request({ output: { type: 'json_object' } }));
    if (reply.type !== 'message') throw new Error('expected a message');
    expect(JSON.parse(reply.text)).toMatchObject({
      sentiment: 'positive',
      hashtags: ['#launch'],
      numbers: [3],
    });
  });

  it('returns a plain-text summary otherwise', () => {
    const reply = decideReply(request());
    if (reply.type !== 'message') throw new Error('expected a message');
    expect(reply.text).toContain('[offline model] You wrote: "I love the #launch, 3 cheers"');
    expect(reply.text).toContain('sentiment positive');
  });

  it('is deterministic, and differs when the conversation differs', () => {
    const tools = [tool('analyze')];
    expect(decideReply(request({ tools }))).toEqual(decideReply(request({ tools })));
    const other = decideReply(request({ tools, messages: [message('user', 'something else')] }));
    expect(other).not.toEqual(decideReply(request({ tools })));
  });
});
