import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures/load-fixture.ts';
import { createAglSpanConverter, ORIGINAL_PARENT_ID_KEY } from '../to-agl-span.ts';
import { normalizeGenAi } from './normalize-genai.ts';

// Recorded from AI SDK 6 telemetry: generateText then streamText, each tool call (Paris), tool
// call (Berlin), answer.
const { spans } = loadFixture('ai-sdk-6-telemetry-run.json');
const byOperation = (operation: string) =>
  spans.filter((span) => span.attributes['ai.operationId'] === operation);
const [firstCall, , lastCall] = byOperation('ai.generateText.doGenerate') as ReadableSpan[];
const ids = { rolloutId: 'ro-1', attemptId: 'at-1', sequenceId: 0 };

describe('AI SDK telemetry model calls', () => {
  it("become LLM calls with the provider-format prompt, tool calls and tools in AGL's layout", () => {
    if (!firstCall) throw new Error('fixture has no model call');
    const result = normalizeGenAi(firstCall.name, firstCall.attributes);
    expect(result.name).toBe('openai.chat.completion');
    expect(result.issuedToolCalls).toEqual([
      { id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
    ]);
    expect(result.added).toMatchObject({
      'agl.span.original_name': 'ai.generateText.doGenerate',
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
      'gen_ai.request.functions.0.name': 'weather',
      'gen_ai.request.functions.0.description': 'The forecast for a city',
      'gen_ai.usage.prompt_tokens': 20,
      'gen_ai.usage.completion_tokens': 5,
    });
    expect(
      JSON.parse(String(result.added?.['gen_ai.request.functions.0.parameters'])),
    ).toMatchObject({ type: 'object', required: ['city'] });
    expect(result.added).not.toHaveProperty('gen_ai.completion.0.content');
  });

  it('record earlier tool turns with ids and results as the provider serialised them', () => {
    if (!lastCall) throw new Error('fixture has no last model call');
    const { added } = normalizeGenAi(lastCall.name, lastCall.attributes);
    expect(added).toMatchObject({
      'gen_ai.prompt.2.role': 'assistant',
      'gen_ai.prompt.2.tool_calls.0.id': 'call_1',
      'gen_ai.prompt.2.tool_calls.0.arguments': '{"city":"Paris"}',
      'gen_ai.prompt.3.role': 'tool',
      'gen_ai.prompt.3.tool_call_id': 'call_1',
      'gen_ai.prompt.3.content': '{"city":"Paris","forecast":"sunny"}',
      'gen_ai.prompt.5.role': 'tool',
      'gen_ai.prompt.5.tool_call_id': 'call_2',
      'gen_ai.completion.0.content': 'Paris is sunny and Berlin is rainy.',
      'gen_ai.completion.0.finish_reason': 'stop',
    });
  });

  it("give tool executions AGL's tool-call keys", () => {
    const [execution] = byOperation('ai.toolCall');
    if (!execution) throw new Error('fixture has no tool call');
    const result = normalizeGenAi(execution.name, execution.attributes);
    expect(result.name).toBe('ai.toolCall');
    expect(result.executedToolCallId).toMatch(/^call_/);
    expect(result.added).toMatchObject({
      'tool.name': 'weather',
      'tool.call.type': 'function',
      'tool.parameters': expect.stringContaining('"city"'),
    });
  });

  it('leave the top-level call without keys that would make it a training record', () => {
    const [root] = byOperation('ai.generateText');
    if (!root) throw new Error('fixture has no root');
    const converted = createAglSpanConverter().convert(root, ids);
    const keys = Object.keys(converted.attributes);
    expect(
      keys.filter((key) => /^gen_ai\.(prompt|completion|request|response)\./.test(key)),
    ).toEqual([]);
  });
});

describe('tool executions recorded beside their model call', () => {
  it('are placed under the model call that issued them, keeping the old parent id', () => {
    const converter = createAglSpanConverter();
    const converted = spans.map((span) => converter.convert(span, ids));
    const llmOf = new Map(
      converted
        .filter((span) => span.name === 'openai.chat.completion')
        .flatMap((span) =>
          Object.entries(span.attributes)
            .filter(([key]) => /^gen_ai\.completion\.0\.tool_calls\.\d+\.id$/.test(key))
            .map(([, id]) => [`${span.trace_id}/${String(id)}`, span.span_id]),
        ),
    );
    const tools = converted.filter((span) => span.attributes['tool.name'] === 'weather');
    expect(tools).toHaveLength(4);
    for (const span of tools) {
      const issuer = llmOf.get(`${span.trace_id}/${String(span.attributes['tool.call.id'])}`);
      expect(issuer).toBeDefined();
      expect(span.parent_id).toBe(issuer);
    }
    const moved = tools.filter((span) => span.attributes[ORIGINAL_PARENT_ID_KEY] !== undefined);
    // generateText's two executions are moved; streamText's already sit under their call.
    expect(moved).toHaveLength(2);
    expect(moved.every((span) => span.parent?.span_id === span.parent_id)).toBe(true);
  });

  it('keep their parent when their model call is not known yet', () => {
    const converter = createAglSpanConverter();
    const [execution] = byOperation('ai.toolCall');
    if (!execution) throw new Error('fixture has no tool call');
    const converted = converter.convert(execution, ids);
    expect(converted.parent_id).toBe(execution.parentSpanContext?.spanId);
    expect(converted.attributes).not.toHaveProperty(ORIGINAL_PARENT_ID_KEY);
  });
});
