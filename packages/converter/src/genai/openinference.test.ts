import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures/load-fixture.ts';
import { createAglSpanConverter, ORIGINAL_PARENT_ID_KEY } from '../to-agl-span.ts';
import { classifySpan } from './classify-span.ts';
import { normalizeGenAi } from './normalize-genai.ts';
import { readOpenInferenceModelCall } from './openinference.ts';

// Recorded from the openai SDK traced by OpenInference: two aglRun tool loops (plain, then
// streamed), each tool call (Paris), tool call (Berlin), answer, with execute_tool spans.
const { spans } = loadFixture('openinference-openai-run.json');
const llmSpans = spans.filter((span) => span.attributes['openinference.span.kind'] === 'LLM');
const ids = { rolloutId: 'ro-1', attemptId: 'at-1', sequenceId: 0 };

describe('OpenInference LLM spans', () => {
  it('are model calls', () => {
    expect(llmSpans).toHaveLength(6);
    for (const span of llmSpans)
      expect(classifySpan(span.attributes)).toBe('openinference-model-call');
  });

  it('give the request messages, tools, tool calls, usage and response id', () => {
    const [first] = llmSpans;
    if (!first) throw new Error('no LLM span');
    const result = normalizeGenAi(first.name, first.attributes);
    expect(result.name).toBe('openai.chat.completion');
    expect(result.issuedToolCalls).toEqual([
      { id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
    ]);
    expect(result.added).toMatchObject({
      'agl.span.original_name': 'OpenAI Chat Completions',
      'gen_ai.prompt.0.role': 'system',
      'gen_ai.prompt.1.role': 'user',
      'gen_ai.prompt.1.content': 'What is the weather in Paris and Berlin?',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.finish_reason': 'tool_calls',
      'gen_ai.completion.0.tool_calls.0.id': 'call_1',
      'gen_ai.completion.0.tool_calls.0.name': 'weather',
      'gen_ai.completion.0.tool_calls.0.arguments': '{"city":"Paris"}',
      'gen_ai.request.functions.0.name': 'weather',
      'gen_ai.request.model': 'scripted-model',
      'gen_ai.response.id': expect.stringMatching(/^chatcmpl-scripted-/),
      'gen_ai.usage.prompt_tokens': 20,
      'gen_ai.usage.completion_tokens': 5,
    });
    expect(result.added).not.toHaveProperty('gen_ai.completion.0.content');
  });

  it('carry earlier tool turns exactly as sent', () => {
    const third = llmSpans[2];
    if (!third) throw new Error('no third LLM span');
    const call = readOpenInferenceModelCall(third.attributes);
    expect(call.prompt.map((message) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
    ]);
    expect(call.prompt[3]).toEqual({
      role: 'tool',
      content: '{"city":"Paris","forecast":"sunny"}',
      toolCallId: 'call_1',
    });
    expect(call.completion).toEqual([
      { role: 'assistant', content: 'Paris is sunny and Berlin is rainy.', finishReason: 'stop' },
    ]);
  });

  it('fall back to the indexed messages when the request is not recorded as JSON', () => {
    const streamed = llmSpans[4];
    if (!streamed) throw new Error('no streamed LLM span');
    const { 'input.value': _value, ...indexedOnly } = streamed.attributes;
    const fromIndex = readOpenInferenceModelCall({
      ...indexedOnly,
      'input.mime_type': 'text/plain',
    });
    expect(fromIndex.prompt).toStrictEqual(readOpenInferenceModelCall(streamed.attributes).prompt);
    expect(fromIndex.tools.map((tool) => tool.name)).toEqual(['weather']);
  });

  it('get the execute_tool spans of the tool calls they issued as children', () => {
    const converter = createAglSpanConverter();
    const converted = spans.map((span) => converter.convert(span, ids));
    const tools = converted.filter((span) => span.attributes['tool.name'] === 'weather');
    expect(tools).toHaveLength(4);
    for (const tool of tools) {
      const parent = converted.find((span) => span.span_id === tool.parent_id);
      expect(parent?.name).toBe('openai.chat.completion');
      const issued = Object.entries(parent?.attributes ?? {}).some(
        ([key, value]) =>
          /^gen_ai\.completion\.0\.tool_calls\.\d+\.id$/.test(key) &&
          value === tool.attributes['tool.call.id'],
      );
      expect(issued).toBe(true);
      expect(tool.attributes[ORIGINAL_PARENT_ID_KEY]).toBeDefined();
    }
  });
});
