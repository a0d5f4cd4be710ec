import { describe, expect, it } from 'vitest';
import {
  type ChatMessage,
  parseMastraStepOutput,
  parseMessages,
  writeIndexedMessages,
} from './messages.ts';

function indexed(prefix: string, messages: ChatMessage[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  writeIndexedMessages(prefix, messages, (key, value) => {
    out[key] = value;
  });
  return out;
}

describe('parseMessages', () => {
  it('reads GenAI messages with text parts, as Mastra writes them', () => {
    const source = [
      { role: 'system', parts: [{ type: 'text', content: 'You are a weather bot.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
    ];
    expect(parseMessages(source)).toEqual([
      { role: 'system', content: 'You are a weather bot.' },
      { role: 'user', content: 'Weather in Paris?' },
    ]);
  });

  it('reads tool calls with JSON text arguments and splits tool responses into tool turns', () => {
    const source = [
      {
        role: 'assistant',
        parts: [
          { type: 'text', content: 'Checking.' },
          { type: 'tool_call', id: 'c1', name: 'weather', arguments: { city: 'Paris' } },
          { type: 'tool_call', id: 'c2', name: 'time', arguments: '{"tz":"CET"}' },
        ],
      },
      {
        role: 'tool',
        parts: [
          { type: 'tool_call_response', id: 'c1', response: { forecast: 'sun' } },
          { type: 'tool_call_response', id: 'c2', response: '12:00' },
        ],
      },
    ];
    expect(parseMessages(source)).toEqual([
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [
          { id: 'c1', name: 'weather', arguments: '{"city":"Paris"}' },
          { id: 'c2', name: 'time', arguments: '{"tz":"CET"}' },
        ],
      },
      { role: 'tool', content: '{"forecast":"sun"}', toolCallId: 'c1' },
      { role: 'tool', content: '12:00', toolCallId: 'c2' },
    ]);
  });

  it('leaves content out of an assistant turn that only calls tools', () => {
    const source = [
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'c', name: 't', arguments: {} }] },
    ];
    expect(parseMessages(source)).toEqual([
      { role: 'assistant', toolCalls: [{ id: 'c', name: 't', arguments: '{}' }] },
    ]);
  });

  it("reads Mastra's simplified step input; a tool turn without an id gets an empty one", () => {
    const source = [
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: '[tool: weather]' },
      { role: 'tool', content: '[tool-result: weather]' },
    ];
    expect(parseMessages(source)).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: '[tool: weather]' },
      { role: 'tool', content: '[tool-result: weather]', toolCallId: '' },
    ]);
  });

  it('reads AI SDK content arrays and OpenAI tool_calls', () => {
    const source = [
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'think' },
          { type: 'tool-call', toolCallId: 'c', toolName: 'weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c',
            toolName: 'weather',
            output: { type: 'json', value: { t: 20 } },
          },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'd', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
    ];
    expect(parseMessages(source)).toEqual([
      {
        role: 'assistant',
        reasoning: 'think',
        toolCalls: [{ id: 'c', name: 'weather', arguments: '{"city":"Rome"}' }],
      },
      { role: 'tool', content: '{"t":20}', toolCallId: 'c' },
      { role: 'assistant', toolCalls: [{ id: 'd', name: 'f', arguments: '{}' }] },
    ]);
  });

  it('writes images as OpenAI content parts in JSON text', () => {
    const source = [
      {
        role: 'user',
        parts: [
          { type: 'text', content: 'What is this?' },
          { type: 'uri', modality: 'image', mime_type: 'image/png', uri: 'https://x/y.png' },
          { type: 'blob', modality: 'image', mime_type: 'image/jpeg', content: 'QUJD' },
        ],
      },
    ];
    expect(JSON.parse(parseMessages(source)[0]?.content ?? '')).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: { url: 'https://x/y.png' } },
      { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,QUJD' } },
    ]);
  });

  it('keeps the finish reason of output messages', () => {
    const source = [{ role: 'assistant', parts: [], finish_reason: 'stop' }];
    expect(parseMessages(source)).toEqual([
      { role: 'assistant', content: '', finishReason: 'stop' },
    ]);
  });

  it('skips what it cannot read instead of failing', () => {
    expect(parseMessages('not a list')).toEqual([]);
    expect(
      parseMessages([null, 3, { parts: [] }, { role: '' }, { role: 'user', parts: [7] }]),
    ).toEqual([{ role: 'user', content: '' }]);
  });
});

describe('parseMastraStepOutput', () => {
  it('reads text and tool calls', () => {
    expect(
      parseMastraStepOutput({
        text: '',
        toolCalls: [{ toolCallId: 'call-1', toolName: 'weather', args: { city: 'Paris' } }],
      }),
    ).toEqual([
      {
        role: 'assistant',
        toolCalls: [{ id: 'call-1', name: 'weather', arguments: '{"city":"Paris"}' }],
      },
    ]);
    expect(parseMastraStepOutput({ text: 'Sunny.', toolCalls: [] })).toEqual([
      { role: 'assistant', content: 'Sunny.' },
    ]);
    expect(parseMastraStepOutput('nope')).toEqual([]);
  });
});

describe('writeIndexedMessages', () => {
  it('writes the indexed layout AGL reads', () => {
    expect(
      indexed('gen_ai.prompt', [
        { role: 'user', content: 'hi' },
        { role: 'assistant', toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }] },
        { role: 'tool', content: 'r', toolCallId: 'c' },
      ]),
    ).toEqual({
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': 'hi',
      'gen_ai.prompt.1.role': 'assistant',
      'gen_ai.prompt.1.tool_calls.0.id': 'c',
      'gen_ai.prompt.1.tool_calls.0.name': 'f',
      'gen_ai.prompt.1.tool_calls.0.arguments': '{}',
      'gen_ai.prompt.2.role': 'tool',
      'gen_ai.prompt.2.content': 'r',
      'gen_ai.prompt.2.tool_call_id': 'c',
    });
    expect(
      indexed('gen_ai.completion', [
        { role: 'assistant', content: 'ok', reasoning: 'r', finishReason: 'stop' },
      ]),
    ).toEqual({
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': 'ok',
      'gen_ai.completion.0.reasoning_content': 'r',
      'gen_ai.completion.0.finish_reason': 'stop',
    });
  });
});
