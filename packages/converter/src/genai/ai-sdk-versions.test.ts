import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures/load-fixture.ts';
import { createAglSpanConverter } from '../to-agl-span.ts';
import { normalizeGenAi } from './normalize-genai.ts';

// The same weather run (tool call Paris, tool call Berlin, answer; generateText then streamText)
// recorded from AI SDK 4, 5 and 6: the layouts differ (`args` / `result` before AI SDK 5,
// `input` / `output` since), the converted model calls must not.
const FIXTURES = [
  ['AI SDK 4', 'ai-sdk-4-telemetry-run.json'],
  ['AI SDK 5', 'ai-sdk-5-telemetry-run.json'],
  ['AI SDK 6', 'ai-sdk-6-telemetry-run.json'],
] as const;
const ids = { rolloutId: 'ro-1', attemptId: 'at-1', sequenceId: 0 };

describe.each(FIXTURES)('%s telemetry', (_label, file) => {
  const { spans } = loadFixture(file);
  const modelCalls = (operation: string) =>
    spans.filter((span) => span.attributes['ai.operationId'] === operation);

  it.each(['ai.generateText.doGenerate', 'ai.streamText.doStream'])(
    'gives every %s call its whole prompt and completion',
    (operation) => {
      const calls = modelCalls(operation);
      expect(calls).toHaveLength(3);
      const [first, second, last] = calls.map((span) => normalizeGenAi(span.name, span.attributes));
      expect(first?.added).toMatchObject({
        'gen_ai.prompt.0.role': 'system',
        'gen_ai.prompt.1.content': 'What is the weather in Paris and Berlin?',
        'gen_ai.completion.0.tool_calls.0.id': 'call_1',
        'gen_ai.completion.0.tool_calls.0.arguments': '{"city":"Paris"}',
        'gen_ai.request.functions.0.name': 'weather',
        'gen_ai.usage.prompt_tokens': 20,
      });
      expect(second?.added).toMatchObject({
        'gen_ai.prompt.2.tool_calls.0.arguments': '{"city":"Paris"}',
        'gen_ai.prompt.3.tool_call_id': 'call_1',
        'gen_ai.prompt.3.content': '{"city":"Paris","forecast":"sunny"}',
        'gen_ai.completion.0.tool_calls.0.arguments': '{"city":"Berlin"}',
      });
      expect(last?.added).toMatchObject({
        'gen_ai.prompt.5.role': 'tool',
        'gen_ai.prompt.5.content': '{"city":"Berlin","forecast":"rainy"}',
        'gen_ai.completion.0.content': 'Paris is sunny and Berlin is rainy.',
        'gen_ai.completion.0.finish_reason': 'stop',
      });
    },
  );

  it('places every tool execution under the model call that issued it, once that call is seen', () => {
    // The exporter converts a tool span after the next model call of its run (an AI SDK 4
    // stream ends its tool spans first); the same order here.
    const ordered: ReadableSpan[] = [];
    let waiting: ReadableSpan[] = [];
    for (const span of spans) {
      if (span.attributes['ai.operationId'] === 'ai.toolCall') waiting.push(span);
      else {
        ordered.push(span, ...waiting);
        waiting = [];
      }
    }
    const converter = createAglSpanConverter();
    const converted = [...ordered, ...waiting].map((span) => converter.convert(span, ids));
    const byId = new Map(converted.map((span) => [span.span_id, span]));
    const tools = converted.filter((span) => span.attributes['tool.name'] === 'weather');
    expect(tools).toHaveLength(4);
    for (const tool of tools) {
      const parent = byId.get(tool.parent_id ?? '');
      expect(parent?.name).toBe('openai.chat.completion');
      const issued = Object.entries(parent?.attributes ?? {})
        .filter(([key]) => /^gen_ai\.completion\.0\.tool_calls\.\d+\.id$/.test(key))
        .map(([, id]) => id);
      expect(issued).toContain(tool.attributes['tool.call.id']);
    }
  });
});
