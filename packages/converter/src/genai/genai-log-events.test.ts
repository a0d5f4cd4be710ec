import { LOG_EVENT_BODY_KEY } from '@agl/client';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures/load-fixture.ts';
import { createAglSpanConverter, ORIGINAL_PARENT_ID_KEY } from '../to-agl-span.ts';
import { CONTENT_MISSING_KEY } from './attribute-names.ts';
import { classifySpan } from './classify-span.ts';
import { readGenAiEventsModelCall } from './genai-log-events.ts';
import { normalizeGenAi } from './normalize-genai.ts';

// Recorded from the openai SDK traced by @opentelemetry/instrumentation-openai, its message
// log events added to their spans: two aglRun tool loops (plain, then streamed), each tool call
// (Paris), tool call (Berlin), answer, with execute_tool spans.
const { spans } = loadFixture('otel-instrumentation-openai-run.json');
const llmSpans = spans.filter((span) => span.attributes['gen_ai.operation.name'] === 'chat');
const ids = { rolloutId: 'ro-1', attemptId: 'at-1', sequenceId: 0 };
const ANSWER = 'Paris is sunny and Berlin is rainy.';

function event(name: string, body: unknown): TimedEvent {
  return { name, time: [0, 0], attributes: { [LOG_EVENT_BODY_KEY]: JSON.stringify(body) } };
}

describe('model calls recorded as GenAI message events', () => {
  it('are model calls, streamed or not; without the events a chat span is not', () => {
    expect(llmSpans).toHaveLength(6);
    for (const span of llmSpans) {
      expect(classifySpan(span.attributes, span.events)).toBe('genai-events-model-call');
      expect(classifySpan(span.attributes)).toBe('other');
    }
  });

  it.each([0, 3])(
    'give the prompt, the tool calls, usage, model and response id (call %i)',
    (index) => {
      const span = llmSpans[index];
      if (!span) throw new Error('no LLM span');
      const result = normalizeGenAi(span.name, span.attributes, {}, span.events);
      expect(result.name).toBe('openai.chat.completion');
      expect(result.issuedToolCalls).toEqual([
        { id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
      ]);
      expect(result.added).toMatchObject({
        'agl.span.original_name': 'chat scripted-model',
        'gen_ai.prompt.0.role': 'system',
        'gen_ai.prompt.0.content':
          'You answer weather questions. Use the weather tool for each city.',
        'gen_ai.prompt.1.role': 'user',
        'gen_ai.prompt.1.content': 'What is the weather in Paris and Berlin?',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.finish_reason': 'tool_calls',
        'gen_ai.completion.0.tool_calls.0.id': 'call_1',
        'gen_ai.completion.0.tool_calls.0.name': 'weather',
        'gen_ai.completion.0.tool_calls.0.arguments': '{"city":"Paris"}',
        'gen_ai.usage.prompt_tokens': 20,
        'gen_ai.usage.completion_tokens': 5,
      });
      expect(span.attributes['gen_ai.response.id']).toMatch(/^chatcmpl-scripted-/);
      expect(result.added).not.toHaveProperty('gen_ai.completion.0.content');
      expect(result.added).not.toHaveProperty(CONTENT_MISSING_KEY);
    },
  );

  it.each([2, 5])('carry earlier tool turns exactly as sent (call %i)', (index) => {
    const span = llmSpans[index];
    if (!span) throw new Error('no LLM span');
    const call = readGenAiEventsModelCall(span.events);
    expect(call.prompt.map((message) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
    ]);
    expect(call.prompt[2]).toEqual({
      role: 'assistant',
      toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }],
    });
    expect(call.prompt[5]).toEqual({
      role: 'tool',
      content: '{"city":"Berlin","forecast":"rainy"}',
      toolCallId: 'call_2',
    });
    expect(call.completion).toEqual([{ role: 'assistant', content: ANSWER, finishReason: 'stop' }]);
    expect(call.contentMissing).toBe(false);
  });

  it('orders choices by index and flags messages recorded without content', () => {
    const call = readGenAiEventsModelCall([
      event('gen_ai.user.message', {}),
      event('gen_ai.choice', { index: 1, finish_reason: 'stop', message: { content: 'b' } }),
      event('gen_ai.choice', {
        index: 0,
        finish_reason: 'tool_calls',
        message: { tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather' } }] },
      }),
      { name: 'gen_ai.unrelated', time: [0, 0] },
    ]);
    expect(call.prompt).toEqual([{ role: 'user', content: '' }]);
    expect(call.completion).toEqual([
      {
        role: 'assistant',
        toolCalls: [{ id: 'c1', name: 'weather', arguments: '{}' }],
        finishReason: 'tool_calls',
      },
      { role: 'assistant', content: 'b', finishReason: 'stop' },
    ]);
    expect(call.contentMissing).toBe(true);
    const span = llmSpans[0];
    if (!span) throw new Error('no LLM span');
    const result = normalizeGenAi(span.name, span.attributes, {}, [
      event('gen_ai.user.message', {}),
    ]);
    expect(result.added).toMatchObject({ [CONTENT_MISSING_KEY]: true });
  });

  it('get the execute_tool spans of the tool calls they issued as children', () => {
    const converter = createAglSpanConverter();
    const converted = spans.map((span) => converter.convert(span, ids));
    const tools = converted.filter((span) => span.attributes['tool.name'] === 'weather');
    expect(tools).toHaveLength(4);
    for (const tool of tools) {
      const parent = converted.find((span) => span.span_id === tool.parent_id);
      expect(parent?.name).toBe('openai.chat.completion');
      expect(parent?.attributes['gen_ai.completion.0.tool_calls.0.id']).toBe(
        tool.attributes['tool.call.id'],
      );
      expect(tool.attributes[ORIGINAL_PARENT_ID_KEY]).toBeDefined();
    }
    const llm = converted.filter((span) => span.name === 'openai.chat.completion');
    expect(llm.map((span) => span.events.length)).toEqual([3, 5, 7, 3, 5, 7]);
  });
});
