import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures/load-fixture.ts';
import { createAglSpanConverter, ORIGINAL_PARENT_ID_KEY } from '../to-agl-span.ts';
import { ToolCallParents } from './tool-call-parents.ts';

const call = (id: string, args = '{}') => ({ id, arguments: args });

describe('ToolCallParents', () => {
  it('finds the issuing span and arguments per trace and tool call id', () => {
    const parents = new ToolCallParents();
    parents.remember('t1', 'llm-a', [call('call_1'), call('call_2', '{"x":1}'), call('')]);
    parents.remember('t2', 'llm-b', [call('call_1')]);
    expect(parents.issuerOf('t1', 'call_2')).toEqual({ spanId: 'llm-a', arguments: '{"x":1}' });
    expect(parents.issuerOf('t2', 'call_1')?.spanId).toBe('llm-b');
    expect(parents.issuerOf('t1', '')).toBeUndefined();
  });

  it('forgets the oldest entries beyond its capacity', () => {
    const parents = new ToolCallParents(2);
    parents.remember('t', 'llm', [call('a'), call('b'), call('c')]);
    expect(parents.issuerOf('t', 'a')).toBeUndefined();
    expect(parents.issuerOf('t', 'c')?.spanId).toBe('llm');
  });

  it('keeps a tool call whose span came before its LLM span where it is', () => {
    const parents = new ToolCallParents();
    parents.placedEarly('t', 'call_1');
    parents.remember('t', 'llm', [call('call_1'), call('call_2')]);
    expect(parents.issuerOf('t', 'call_1')).toBeUndefined();
    expect(parents.issuerOf('t', 'call_2')?.spanId).toBe('llm');
    parents.placedEarly('t', 'call_2');
    expect(parents.issuerOf('t', 'call_2')?.spanId).toBe('llm');
  });
});

const ids = { rolloutId: 'ro-1', attemptId: 'at-1', sequenceId: 0 };

function convertFixture(name: string) {
  const converter = createAglSpanConverter();
  return loadFixture(name).spans.map((span) => converter.convert(span, ids));
}

describe('tool spans of GenAI model-call spans', () => {
  it('go under the call that issued them when recorded as its siblings (OpenLLMetry)', () => {
    const converted = convertFixture('openllmetry-openai-run.json');
    const tools = converted.filter((span) => span.attributes['tool.name'] === 'weather');
    expect(tools).toHaveLength(4);
    for (const tool of tools) {
      const parent = converted.find((span) => span.span_id === tool.parent_id);
      expect(parent?.name).toBe('openai.chat.completion');
      expect(parent?.attributes['gen_ai.completion.0.tool_calls.0.id']).toBe(
        tool.attributes['tool.call.id'],
      );
      expect(tool.attributes[ORIGINAL_PARENT_ID_KEY]).toBeDefined();
      expect(tool.attributes['tool.parameters']).toBe(
        parent?.attributes['gen_ai.completion.0.tool_calls.0.arguments'],
      );
    }
  });

  it('stay put when the call records its tool calls below itself (Mastra with the middleware)', () => {
    const converted = convertFixture('mastra-weather-run.json');
    const execution = converted.find(
      (span) => span.attributes['gen_ai.operation.name'] === 'execute_tool',
    );
    const parent = converted.find((span) => span.span_id === execution?.parent_id);
    expect(parent?.attributes['agl.span.original_name'] ?? parent?.name).toMatch(/^agent_step /);
    expect(execution?.attributes[ORIGINAL_PARENT_ID_KEY]).toBeUndefined();
    const llmCalls = converted.filter((span) => span.name === 'openai.chat.completion');
    const toolChildren = converted.filter(
      (span) =>
        span.attributes['tool.call.id'] === 'call-1' &&
        llmCalls.some((llm) => llm.span_id === span.parent_id),
    );
    expect(toolChildren).toHaveLength(1);
  });
});
