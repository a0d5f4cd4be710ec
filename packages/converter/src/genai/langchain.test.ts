import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures/load-fixture.ts';
import { createAglSpanConverter, ORIGINAL_PARENT_ID_KEY } from '../to-agl-span.ts';
import { classifySpan } from './classify-span.ts';
import { readLangChainCall, readLangChainToolCall } from './langchain.ts';
import { normalizeGenAi } from './normalize-genai.ts';

// Recorded from LangChain.js traced by OpenInference: two runs of a tool-calling agent runnable
// (plain, then streamed), each tool call (Paris), tool call (Berlin), answer.
const { spans } = loadFixture('openinference-langchain-run.json');
const ofKind = (kind: string) =>
  spans.filter((span) => span.attributes['openinference.span.kind'] === kind);
const ids = { rolloutId: 'ro-1', attemptId: 'at-1', sequenceId: 0 };

describe('LangChain chat model runs', () => {
  it('keep the tool call ids the indexed OpenInference messages lose', () => {
    const third = ofKind('LLM')[2];
    if (!third) throw new Error('no third LLM span');
    expect(third.attributes).not.toHaveProperty(
      'llm.input_messages.2.message.tool_calls.0.tool_call.id',
    );
    const call = readLangChainCall(third.attributes);
    expect(call?.responseId).toMatch(/^chatcmpl-scripted-/);
    expect(call?.prompt[2]).toEqual({
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }],
    });
    expect(call?.prompt[3]).toEqual({
      role: 'tool',
      content: '{"city":"Paris","forecast":"sunny"}',
      toolCallId: 'call_1',
    });
    expect(call?.completion).toEqual([
      { role: 'assistant', content: 'Paris is sunny and Berlin is rainy.' },
    ]);
  });

  it('become LLM calls with the tool calls they issued', () => {
    const [first] = ofKind('LLM');
    if (!first) throw new Error('no LLM span');
    const result = normalizeGenAi(first.name, first.attributes);
    expect(result.name).toBe('openai.chat.completion');
    expect(result.issuedToolCalls).toEqual([
      { id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
    ]);
    expect(result.added).toMatchObject({
      'gen_ai.completion.0.tool_calls.0.id': 'call_1',
      'gen_ai.completion.0.finish_reason': 'tool_calls',
      'gen_ai.request.functions.0.name': 'weather',
    });
  });
});

describe('LangChain TOOL spans', () => {
  it('name the tool call they answered', () => {
    const [tool] = ofKind('TOOL');
    if (!tool) throw new Error('no TOOL span');
    expect(classifySpan(tool.attributes)).toBe('langchain-tool');
    expect(readLangChainToolCall(tool.attributes)).toEqual({ id: 'call_1', name: 'weather' });
  });

  it('are placed under the model call that issued them, with its arguments', () => {
    const converter = createAglSpanConverter();
    const converted = spans.map((span) => converter.convert(span, ids));
    const tools = converted.filter((span) => span.attributes['openinference.span.kind'] === 'TOOL');
    expect(tools).toHaveLength(4);
    for (const tool of tools) {
      const parent = converted.find((span) => span.span_id === tool.parent_id);
      expect(parent?.name).toBe('openai.chat.completion');
      expect(tool.attributes[ORIGINAL_PARENT_ID_KEY]).toBeDefined();
      expect(tool.attributes).toMatchObject({
        'tool.name': 'weather',
        'tool.call.type': 'function',
        'tool.parameters': expect.stringMatching(/^\{"city":"(Paris|Berlin)"\}$/),
      });
    }
  });
});
