// The recorded AI SDK 7 runs (`@ai-sdk/otel`'s `OpenTelemetry` and `LegacyOpenTelemetry`
// integrations) through the converter alone: which spans become LLM calls on the AGL copy, with
// what, and where the tool executions go.
import { validateSpan } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { createAglSpanConverter, ORIGINAL_PARENT_ID_KEY } from '../src/index.ts';
import { loadFixture } from './fixtures/load-fixture.ts';

const ids = { rolloutId: 'ro-000000000001', attemptId: 'at-00000001', sequenceId: 1 };
const SYSTEM = 'You answer weather questions. Use the weather tool for each city.';

function convertFixture(name: string) {
  const converter = createAglSpanConverter();
  const converted = loadFixture(name).spans.map((span) => converter.convert(span, ids));
  for (const span of converted) expect(validateSpan(span)).toEqual([]);
  expect(converter.stats).toMatchObject({
    attributesDropped: 0,
    valuesTruncated: 0,
    normalizationFailures: 0,
  });
  return converted;
}

type Converted = ReturnType<typeof convertFixture>;

/** Each tool execution is a child of the LLM call whose completion issued its id. */
function expectToolsUnderTheirCall(converted: Converted, toolSpanName: string): void {
  const tools = converted.filter((span) => span.name === toolSpanName);
  expect(tools).toHaveLength(4);
  for (const tool of tools) {
    const parent = converted.find((span) => span.span_id === tool.parent_id);
    expect(parent?.name).toBe('openai.chat.completion');
    expect(parent?.attributes['gen_ai.completion.0.tool_calls.0.id']).toBe(
      tool.attributes['tool.call.id'],
    );
    expect(tool.attributes['tool.name']).toBe('weather');
    expect(tool.attributes['tool.parameters']).toBe(
      parent?.attributes['gen_ai.completion.0.tool_calls.0.arguments'],
    );
  }
}

describe('a recorded AI SDK 7 run with the @ai-sdk/otel OpenTelemetry integration', () => {
  const converted = convertFixture('ai-sdk-7-otel-run.json');
  const llmCalls = converted.filter((span) => span.name === 'openai.chat.completion');

  it('makes each chat span an LLM call with the system prompt, the turns and the tools', () => {
    expect(llmCalls).toHaveLength(6);
    for (const call of llmCalls) {
      expect(call.attributes['agl.span.original_name']).toBe('chat scripted-model');
      expect(call.attributes['gen_ai.prompt.0.role']).toBe('system');
      expect(call.attributes['gen_ai.prompt.0.content']).toBe(SYSTEM);
      expect(call.attributes['gen_ai.request.functions.0.name']).toBe('weather');
    }
    const last = llmCalls[2];
    expect(last?.attributes['gen_ai.prompt.5.role']).toBe('tool');
    expect(last?.attributes['gen_ai.prompt.5.tool_call_id']).toBe('call_2');
    expect(last?.attributes['gen_ai.completion.0.content']).toBe(
      'Paris is sunny and Berlin is rainy.',
    );
  });

  it('places each execute_tool span, a sibling of the chat span, under it', () => {
    expectToolsUnderTheirCall(converted, 'execute_tool weather');
    for (const tool of converted.filter((span) => span.name === 'execute_tool weather')) {
      expect(tool.attributes[ORIGINAL_PARENT_ID_KEY]).toBeDefined();
    }
  });

  it("moves the invoke_agent span's model and finish reasons away from TraceToMessages", () => {
    const agents = converted.filter((span) => span.name === 'invoke_agent scripted-model');
    expect(agents).toHaveLength(2);
    for (const agent of agents) {
      expect(agent.attributes['agent.name']).toBe('weather-bot');
      const keys = Object.keys(agent.attributes);
      expect(keys.filter((key) => /^gen_ai\.(request|response)\./.test(key))).toEqual([]);
      expect(agent.attributes['agl.summary.gen_ai.request.model']).toBe('scripted-model');
    }
  });
});

describe('a recorded AI SDK 7 run with the LegacyOpenTelemetry integration', () => {
  const converted = convertFixture('ai-sdk-7-legacy-telemetry-run.json');

  it('makes each doGenerate / doStream span an LLM call with its response id', () => {
    const llmCalls = converted.filter((span) => span.name === 'openai.chat.completion');
    expect(llmCalls.map((span) => span.attributes['agl.span.original_name'])).toEqual([
      ...Array(3).fill('ai.generateText.doGenerate'),
      ...Array(3).fill('ai.streamText.doStream'),
    ]);
    for (const call of llmCalls) {
      expect(call.attributes['gen_ai.prompt.0.content']).toBe(SYSTEM);
      expect(call.attributes['gen_ai.response.id']).toMatch(/^chatcmpl-scripted-/);
    }
  });

  it('keeps each ai.toolCall span, recorded under the call that issued it, where it is', () => {
    expectToolsUnderTheirCall(converted, 'ai.toolCall');
    for (const tool of converted.filter((span) => span.name === 'ai.toolCall')) {
      expect(tool.attributes[ORIGINAL_PARENT_ID_KEY]).toBeUndefined();
    }
  });
});
