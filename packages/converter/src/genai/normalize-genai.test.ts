import { describe, expect, it } from 'vitest';
import { normalizeGenAi } from './normalize-genai.ts';

// Attribute sets as Mastra 1.71 + @mastra/otel-bridge write them (one tool call, then an answer),
// with @mastra/otel-exporter 1.3.x naming (`chat` = the whole generation) unless noted.
const mastraAgent = {
  'gen_ai.operation.name': 'invoke_agent',
  'mastra.span.type': 'agent_run',
  'mastra.agent_run.input': 'What is the weather in Paris?',
  'gen_ai.agent.id': 'weatherAgent',
  'gen_ai.agent.name': 'weatherAgent',
  'gen_ai.tool.definitions': '["weather"]',
  'gen_ai.system_instructions': 'You are a weather bot.',
};
const mastraChat = {
  'gen_ai.operation.name': 'chat',
  'mastra.span.type': 'model_generation',
  'gen_ai.input.messages':
    '[{"role":"system","parts":[{"type":"text","content":"You are a weather bot."}]},{"role":"user","parts":[{"type":"text","content":"What is the weather in Paris?"}]}]',
  'gen_ai.output.messages':
    '[{"role":"assistant","parts":[{"type":"text","content":"It is sunny in Paris."}]}]',
  'gen_ai.request.model': 'mock-model',
  'gen_ai.usage.input_tokens': 20,
  'gen_ai.usage.output_tokens': 10,
  'gen_ai.response.finish_reasons': '["stop"]',
  'gen_ai.response.id': 'resp-2',
};
const mastraStep2 = {
  'gen_ai.operation.name': 'model_step',
  'mastra.span.type': 'model_step',
  'mastra.model_step.input':
    '[{"role":"system","content":"You are a weather bot."},{"role":"user","content":"What is the weather in Paris?"},{"role":"assistant","content":"[tool: weather]"},{"role":"tool","content":"[tool-result: weather]"}]',
  'mastra.model_step.output': '{"text":"It is sunny in Paris.","toolCalls":[]}',
  'mastra.metadata.modelMetadata':
    '{"modelId":"mock-model","modelVersion":"v4","modelProvider":"mock-provider"}',
};
// With @mastra/otel-exporter 1.4.x, `chat` is the per-call model_inference span and the step is
// `agent_step`; a non-streamed call keeps the provider's response body on the step.
const mastraInference = {
  'gen_ai.operation.name': 'chat',
  'mastra.span.type': 'model_inference',
  'gen_ai.output.messages': '[{"role":"assistant","parts":[{"type":"text","content":""}]}]',
  'gen_ai.request.model': 'mock-weather-model',
  'gen_ai.usage.input_tokens': 12,
  'gen_ai.usage.output_tokens': 5,
  'gen_ai.agent.name': 'weatherAgent',
  'gen_ai.response.finish_reasons': '["tool-calls"]',
};
const mastraAgentStep = {
  'gen_ai.operation.name': 'agent_step',
  'mastra.span.type': 'model_step',
  'mastra.model_step.input':
    '[{"role":"system","content":"You are a weather bot."},{"role":"user","content":"What is the weather in Paris?"}]',
  'mastra.model_step.output':
    '{"text":"","toolCalls":[{"toolCallId":"call-1","toolName":"weather","args":{"city":"Paris"}}]}',
  'mastra.model_step.step_index': 0,
  'mastra.metadata.body':
    '{"id":"chatcmpl-7","prompt_token_ids":[101,201,301],"choices":[{"token_ids":[401,501]}]}',
  'mastra.metadata.modelMetadata':
    '{"modelId":"mock-weather-model","modelVersion":"v4","modelProvider":"mock-provider"}',
};
const mastraTool = {
  'gen_ai.operation.name': 'execute_tool',
  'mastra.span.type': 'tool_call',
  'gen_ai.tool.call.arguments': '{"city":"Paris"}',
  'gen_ai.tool.call.result': '{"forecast":"sunny in Paris"}',
  'gen_ai.tool.name': 'weather',
  'gen_ai.tool.call.id': 'call-1',
};
// One model call as the model-call middleware records it.
const modelCall = {
  'gen_ai.operation.name': 'chat',
  'gen_ai.request.model': 'mock-model',
  'gen_ai.input.messages': JSON.stringify([
    { role: 'system', parts: [{ type: 'text', content: 'You are a weather bot.' }] },
    { role: 'user', parts: [{ type: 'text', content: 'What is the weather in Paris?' }] },
    {
      role: 'assistant',
      parts: [{ type: 'tool_call', id: 'call-1', name: 'weather', arguments: { city: 'Paris' } }],
    },
    {
      role: 'tool',
      parts: [{ type: 'tool_call_response', id: 'call-1', response: { forecast: 'sunny' } }],
    },
  ]),
  'gen_ai.output.messages': JSON.stringify([
    { role: 'assistant', parts: [{ type: 'text', content: 'Sunny.' }], finish_reason: 'stop' },
  ]),
  'gen_ai.tool.definitions': JSON.stringify([
    {
      type: 'function',
      name: 'weather',
      description: 'Get weather',
      parameters: { type: 'object' },
    },
  ]),
  'gen_ai.response.id': 'resp-2',
  'gen_ai.response.model': 'mock-model-1',
  'gen_ai.usage.input_tokens': 12,
  'gen_ai.usage.output_tokens': 3,
  prompt_token_ids: [1, 2, 3],
  response_token_ids: [4, 5],
};

describe('normalizeGenAi', () => {
  it('adds the full indexed conversation, tools and usage to a model call and renames it', () => {
    const { name, added } = normalizeGenAi('chat mock-model', modelCall);
    expect(name).toBe('openai.chat.completion');
    expect(added).toEqual({
      'gen_ai.usage.prompt_tokens': 12,
      'gen_ai.usage.completion_tokens': 3,
      'llm.usage.total_tokens': 15,
      'gen_ai.prompt.0.role': 'system',
      'gen_ai.prompt.0.content': 'You are a weather bot.',
      'gen_ai.prompt.1.role': 'user',
      'gen_ai.prompt.1.content': 'What is the weather in Paris?',
      'gen_ai.prompt.2.role': 'assistant',
      'gen_ai.prompt.2.tool_calls.0.id': 'call-1',
      'gen_ai.prompt.2.tool_calls.0.name': 'weather',
      'gen_ai.prompt.2.tool_calls.0.arguments': '{"city":"Paris"}',
      'gen_ai.prompt.3.role': 'tool',
      'gen_ai.prompt.3.content': '{"forecast":"sunny"}',
      'gen_ai.prompt.3.tool_call_id': 'call-1',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': 'Sunny.',
      'gen_ai.completion.0.finish_reason': 'stop',
      'gen_ai.request.functions.0.name': 'weather',
      'gen_ai.request.functions.0.description': 'Get weather',
      'gen_ai.request.functions.0.parameters': '{"type":"object"}',
      'agl.span.original_name': 'chat mock-model',
    });
  });

  it('never overwrites an attribute the span already has', () => {
    const { added } = normalizeGenAi('chat x', {
      ...modelCall,
      'gen_ai.prompt.0.role': 'developer',
      'gen_ai.usage.prompt_tokens': 99,
    });
    expect(added?.['gen_ai.prompt.0.role']).toBeUndefined();
    expect(added?.['gen_ai.usage.prompt_tokens']).toBeUndefined();
    expect(added?.['gen_ai.prompt.0.content']).toBe('You are a weather bot.');
  });

  it('takes system instructions kept apart from the messages, and the finish reasons list', () => {
    const { added } = normalizeGenAi('chat m', {
      'gen_ai.operation.name': 'chat',
      'gen_ai.system_instructions': '[{"type":"text","content":"Be brief."}]',
      'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]',
      'gen_ai.output.messages': '[{"role":"assistant","parts":[{"type":"text","content":"yo"}]}]',
      'gen_ai.response.finish_reasons': ['length'],
    });
    expect(added).toMatchObject({
      'gen_ai.prompt.0.role': 'system',
      'gen_ai.prompt.0.content': 'Be brief.',
      'gen_ai.prompt.1.role': 'user',
      'gen_ai.completion.0.finish_reason': 'length',
    });
  });

  it("labels Mastra's agent span with agent.name and nothing else", () => {
    expect(normalizeGenAi('invoke_agent weatherAgent', mastraAgent)).toEqual({
      name: 'invoke_agent weatherAgent',
      added: { 'agent.name': 'weatherAgent' },
    });
  });

  it('moves the model and finish reasons of an agent run that reports them (@ai-sdk/otel)', () => {
    const agent = {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'weather-bot',
      'gen_ai.request.model': 'scripted-model',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]',
    };
    expect(normalizeGenAi('invoke_agent scripted-model', agent)).toEqual({
      name: 'invoke_agent scripted-model',
      added: { 'agent.name': 'weather-bot' },
      summaryKeys: ['gen_ai.request.model', 'gen_ai.response.finish_reasons'],
    });
  });

  it("keeps Mastra's chat span as a summary: usage only, no messages, no rename, request and response keys to move", () => {
    expect(normalizeGenAi('chat mock-model', mastraChat)).toEqual({
      name: 'chat mock-model',
      added: {
        'gen_ai.usage.prompt_tokens': 20,
        'gen_ai.usage.completion_tokens': 10,
        'llm.usage.total_tokens': 30,
      },
      summaryKeys: ['gen_ai.request.model', 'gen_ai.response.finish_reasons', 'gen_ai.response.id'],
    });
  });

  it("turns a Mastra model step into an LLM call with Mastra's simplified messages", () => {
    const { name, added } = normalizeGenAi('model_step weatherAgent', mastraStep2);
    expect(name).toBe('openai.chat.completion');
    expect(added).toEqual({
      'gen_ai.prompt.0.role': 'system',
      'gen_ai.prompt.0.content': 'You are a weather bot.',
      'gen_ai.prompt.1.role': 'user',
      'gen_ai.prompt.1.content': 'What is the weather in Paris?',
      'gen_ai.prompt.2.role': 'assistant',
      'gen_ai.prompt.2.content': '[tool: weather]',
      'gen_ai.prompt.3.role': 'tool',
      'gen_ai.prompt.3.content': '[tool-result: weather]',
      'gen_ai.prompt.3.tool_call_id': '',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': 'It is sunny in Paris.',
      'gen_ai.request.model': 'mock-model',
      'agl.span.original_name': 'model_step weatherAgent',
    });
  });

  it("takes Mastra 1.4's agent_step as the LLM call, with the response body's id and token ids", () => {
    const { name, added } = normalizeGenAi('agent_step weatherAgent', mastraAgentStep);
    expect(name).toBe('openai.chat.completion');
    expect(added).toEqual({
      'gen_ai.prompt.0.role': 'system',
      'gen_ai.prompt.0.content': 'You are a weather bot.',
      'gen_ai.prompt.1.role': 'user',
      'gen_ai.prompt.1.content': 'What is the weather in Paris?',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.tool_calls.0.id': 'call-1',
      'gen_ai.completion.0.tool_calls.0.name': 'weather',
      'gen_ai.completion.0.tool_calls.0.arguments': '{"city":"Paris"}',
      'gen_ai.response.id': 'chatcmpl-7',
      prompt_token_ids: [101, 201, 301],
      response_token_ids: [401, 501],
      'gen_ai.request.model': 'mock-weather-model',
      'agl.span.original_name': 'agent_step weatherAgent',
    });
  });

  it("keeps Mastra 1.4's model_inference chat span as it is, apart from usage names and summary keys", () => {
    expect(normalizeGenAi('chat mock-weather-model', mastraInference)).toMatchObject({
      name: 'chat mock-weather-model',
      added: {
        'gen_ai.usage.prompt_tokens': 12,
        'gen_ai.usage.completion_tokens': 5,
        'llm.usage.total_tokens': 17,
      },
      summaryKeys: expect.arrayContaining(['gen_ai.request.model']),
    });
  });

  it('leaves a model step alone when the middleware recorded its call in a child span', () => {
    expect(
      normalizeGenAi('model_step weatherAgent', {
        ...mastraStep2,
        'agl.model_call.child_spans': true,
      }),
    ).toEqual({ name: 'model_step weatherAgent', added: undefined });
  });

  it('adds the tool.* keys to a tool call span', () => {
    expect(normalizeGenAi('execute_tool weather', mastraTool).added).toEqual({
      'tool.name': 'weather',
      'tool.call.id': 'call-1',
      'tool.call.type': 'function',
      'tool.parameters': '{"city":"Paris"}',
    });
  });

  it('keeps names when renaming is turned off, or uses the configured name', () => {
    expect(normalizeGenAi('chat m', modelCall, { llmSpanName: false }).name).toBe('chat m');
    const custom = normalizeGenAi('chat m', modelCall, { llmSpanName: 'llm.call' });
    expect(custom.name).toBe('llm.call');
    expect(custom.added?.['agl.span.original_name']).toBe('chat m');
  });

  it('does not rename a span that already has the LLM name', () => {
    const { name, added } = normalizeGenAi('openai.chat.completion', modelCall);
    expect(name).toBe('openai.chat.completion');
    expect(added?.['agl.span.original_name']).toBeUndefined();
  });

  it('tolerates broken JSON in the message attributes', () => {
    const { name, added } = normalizeGenAi('chat m', {
      'gen_ai.operation.name': 'chat',
      'gen_ai.input.messages': '[{broken',
      'gen_ai.output.messages': '{"not":"a list"}',
    });
    expect(name).toBe('openai.chat.completion');
    expect(added).toEqual({ 'agl.span.original_name': 'chat m' });
  });

  it('adds nothing to unrelated spans', () => {
    expect(normalizeGenAi('GET /health', { 'http.method': 'GET' })).toEqual({
      name: 'GET /health',
      added: undefined,
    });
  });
});
