// The recorded Mastra runs through the converter alone (no server): which spans become LLM
// calls on the AGL copy, and what is added to the others.
import { validateSpan } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { createAglSpanConverter } from '../src/index.ts';
import { loadFixture } from './fixtures/load-fixture.ts';

const ids = { rolloutId: 'ro-000000000001', attemptId: 'at-00000001', sequenceId: 1 };

function convertFixture(name: string) {
  const converter = createAglSpanConverter();
  const { spans } = loadFixture(name);
  const converted = spans.map((span) => converter.convert(span, ids));
  return { spans, converted, stats: converter.stats };
}

describe('a recorded Mastra run with the model-call middleware', () => {
  const { spans, converted, stats } = convertFixture('mastra-weather-run.json');

  it('converts every span into one the server rules accept, with nothing dropped', () => {
    for (const span of converted) expect(validateSpan(span)).toEqual([]);
    expect(stats).toMatchObject({
      attributesDropped: 0,
      valuesTruncated: 0,
      normalizationFailures: 0,
    });
  });

  it('makes exactly the per-call spans LLM calls, each with its own response id', () => {
    const llmCalls = converted.filter((span) => span.name === 'openai.chat.completion');
    expect(llmCalls.map((span) => span.attributes['gen_ai.response.id'])).toEqual([
      'chatcmpl-weather-1',
      'chatcmpl-weather-2',
    ]);
    for (const call of llmCalls) {
      expect(call.attributes['agl.span.original_name']).toBe('chat mock-weather-model');
      expect(call.attributes['mastra.span.type']).toBeUndefined();
    }
  });

  it("keeps every original name and attribute of Mastra's own spans (summary keys moved)", () => {
    spans.forEach((span, index) => {
      const copy = converted[index];
      if (copy?.name === 'openai.chat.completion') return;
      expect(copy?.name).toBe(span.name);
      // A model summary's gen_ai.request/response keys live under agl.summary. on the AGL copy.
      const summary = /^gen_ai\.(request|response)\./;
      const isSummary = ['model_generation', 'model_inference'].includes(
        String(span.attributes['mastra.span.type']),
      );
      const expected = Object.fromEntries(
        Object.entries(span.attributes).map(([key, value]) =>
          isSummary && summary.test(key) ? [`agl.summary.${key}`, value] : [key, value],
        ),
      );
      expect(copy?.attributes).toMatchObject(expected);
      if (isSummary) {
        expect(Object.keys(copy?.attributes ?? {}).filter((key) => summary.test(key))).toEqual([]);
      }
    });
  });

  it('adds agent.name to the agent span and tool.* to tool-call spans', () => {
    const agent = converted.find((span) => span.attributes['mastra.span.type'] === 'agent_run');
    expect(agent?.attributes['agent.name']).toBe('weatherAgent');
    for (const name of ['tool_call weather', 'execute_tool weather']) {
      expect(converted.find((span) => span.name === name)?.attributes).toMatchObject({
        'tool.name': 'weather',
        'tool.call.id': 'call-1',
        'tool.call.type': 'function',
        'tool.parameters': '{"city":"Paris"}',
      });
    }
  });
});

describe('a recorded Mastra run without the middleware', () => {
  const { converted } = convertFixture('mastra-weather-run-no-middleware.json');

  it("makes Mastra's model steps the LLM calls, with the ids and token ids of the response body", () => {
    const llmCalls = converted.filter((span) => span.name === 'openai.chat.completion');
    expect(llmCalls.map((span) => span.attributes['agl.span.original_name'])).toEqual([
      'agent_step weatherAgent',
      'agent_step weatherAgent',
    ]);
    expect(llmCalls.map((span) => span.attributes['gen_ai.response.id'])).toEqual([
      'chatcmpl-weather-1',
      'chatcmpl-weather-2',
    ]);
    expect(llmCalls[1]?.attributes).toMatchObject({
      prompt_token_ids: [102, 202, 302],
      response_token_ids: [402, 502],
      'gen_ai.prompt.2.content': '[tool: weather]',
    });
  });
});
