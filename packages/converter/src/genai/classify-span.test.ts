import { describe, expect, it } from 'vitest';
import { classifySpan } from './classify-span.ts';

describe('classifySpan', () => {
  it('recognises a model call by its operation and messages', () => {
    expect(classifySpan({ 'gen_ai.operation.name': 'chat', 'gen_ai.input.messages': '[]' })).toBe(
      'model-call',
    );
    expect(
      classifySpan({ 'gen_ai.operation.name': 'text_completion', 'gen_ai.output.messages': '[]' }),
    ).toBe('model-call');
  });

  it("does not take Mastra's chat spans (generation summary or inference) as LLM calls", () => {
    expect(
      classifySpan({
        'gen_ai.operation.name': 'chat',
        'mastra.span.type': 'model_generation',
        'gen_ai.input.messages': '[]',
      }),
    ).toBe('model-summary');
    expect(
      classifySpan({
        'gen_ai.operation.name': 'chat',
        'mastra.span.type': 'model_inference',
        'gen_ai.output.messages': '[]',
      }),
    ).toBe('model-summary');
  });

  it('uses Mastra model steps unless the middleware recorded the call below them', () => {
    expect(classifySpan({ 'mastra.span.type': 'model_step' })).toBe('mastra-model-step');
    expect(
      classifySpan({ 'mastra.span.type': 'model_step', 'agl.model_call.child_spans': true }),
    ).toBe('other');
    expect(
      classifySpan({
        'gen_ai.operation.name': 'chat',
        'gen_ai.input.messages': '[]',
        'agl.model_call.child_spans': true,
      }),
    ).toBe('other');
  });

  it('recognises agent runs and tool calls', () => {
    expect(classifySpan({ 'gen_ai.operation.name': 'invoke_agent' })).toBe('agent');
    expect(classifySpan({ 'mastra.span.type': 'agent_run' })).toBe('agent');
    expect(
      classifySpan({ 'traceloop.span.kind': 'workflow', 'traceloop.entity.name': 'weather' }),
    ).toBe('agent');
    expect(
      classifySpan({
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 't',
        'gen_ai.tool.call.id': 'c',
      }),
    ).toBe('tool');
  });

  it('leaves other spans alone', () => {
    expect(classifySpan({})).toBe('other');
    expect(classifySpan({ 'gen_ai.operation.name': 'chat' })).toBe('other');
    expect(classifySpan({ 'mastra.span.type': 'model_chunk' })).toBe('other');
  });
});
