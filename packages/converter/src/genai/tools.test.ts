import { describe, expect, it } from 'vitest';
import {
  isToolCallSpan,
  parseToolDefinitions,
  writeFunctions,
  writeToolCallAttributes,
} from './tools.ts';

function collect(write: (put: (key: string, value: unknown) => void) => void) {
  const out: Record<string, unknown> = {};
  write((key, value) => {
    out[key] = value;
  });
  return out;
}

const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

describe('parseToolDefinitions', () => {
  it('reads GenAI, OpenAI and AI SDK shapes', () => {
    expect(
      parseToolDefinitions([
        { type: 'function', name: 'weather', description: 'Get weather', parameters: schema },
        { type: 'function', function: { name: 'time', parameters: '{"type":"object"}' } },
        { type: 'function', name: 'search', inputSchema: schema },
        { name: 'noop' },
      ]),
    ).toEqual([
      { name: 'weather', description: 'Get weather', parameters: JSON.stringify(schema) },
      { name: 'time', description: undefined, parameters: '{"type":"object"}' },
      { name: 'search', description: undefined, parameters: JSON.stringify(schema) },
      { name: 'noop', description: undefined, parameters: '{"type":"object","properties":{}}' },
    ]);
  });

  it('skips bare names, provider tools and junk', () => {
    expect(
      parseToolDefinitions(['weather', { type: 'provider', name: 'web' }, null, { name: '' }]),
    ).toEqual([]);
    expect(parseToolDefinitions('weather')).toEqual([]);
  });
});

describe('writeFunctions', () => {
  it('writes gen_ai.request.functions.{i}.*', () => {
    expect(
      collect((put) =>
        writeFunctions(
          [
            { name: 'weather', description: 'Get weather', parameters: '{}' },
            { name: 'time', description: undefined, parameters: '{}' },
          ],
          put,
        ),
      ),
    ).toEqual({
      'gen_ai.request.functions.0.name': 'weather',
      'gen_ai.request.functions.0.description': 'Get weather',
      'gen_ai.request.functions.0.parameters': '{}',
      'gen_ai.request.functions.1.name': 'time',
      'gen_ai.request.functions.1.parameters': '{}',
    });
  });
});

describe('writeToolCallAttributes', () => {
  it("adds the four tool.* keys from Mastra's execute_tool attributes", () => {
    const attributes = {
      'gen_ai.tool.name': 'weather',
      'gen_ai.tool.call.id': 'call-1',
      'gen_ai.tool.call.arguments': '{"city":"Paris"}',
    };
    expect(isToolCallSpan(attributes)).toBe(true);
    expect(collect((put) => writeToolCallAttributes(attributes, put))).toEqual({
      'tool.name': 'weather',
      'tool.call.id': 'call-1',
      'tool.call.type': 'function',
      'tool.parameters': '{"city":"Paris"}',
    });
  });

  it('writes empty arguments when the call had none, and nothing without an id', () => {
    const noArguments = { 'gen_ai.tool.name': 't', 'gen_ai.tool.call.id': 'c' };
    expect(collect((put) => writeToolCallAttributes(noArguments, put))['tool.parameters']).toBe(
      '{}',
    );
    const noId = { 'gen_ai.tool.name': 't' };
    expect(isToolCallSpan(noId)).toBe(false);
    expect(collect((put) => writeToolCallAttributes(noId, put))).toEqual({});
  });
});
