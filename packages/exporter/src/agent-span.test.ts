import { describe, expect, it } from 'vitest';
import { isAgentSpan } from './agent-span.ts';

describe('isAgentSpan', () => {
  it('accepts the GenAI invoke_agent operation', () => {
    expect(
      isAgentSpan({
        name: 'invoke_agent postAnalyzer',
        attributes: { 'gen_ai.operation.name': 'invoke_agent' },
      }),
    ).toBe(true);
  });

  it('rejects other GenAI operations even when the name looks agent-like', () => {
    expect(
      isAgentSpan({
        name: 'execute_tool agentSearch',
        attributes: { 'gen_ai.operation.name': 'execute_tool' },
      }),
    ).toBe(false);
    expect(
      isAgentSpan({ name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat' } }),
    ).toBe(false);
  });

  it('falls back to the name heuristic without GenAI attributes', () => {
    expect(isAgentSpan({ name: "agent run: 'postAnalyzer'", attributes: {} })).toBe(true);
    expect(isAgentSpan({ name: 'ai.generateText', attributes: {} })).toBe(true);
    expect(isAgentSpan({ name: 'mastra.workflow', attributes: {} })).toBe(true);
    expect(isAgentSpan({ name: 'GET /api/analyze', attributes: {} })).toBe(false);
  });
});

describe('isAgentSpan on the run roots of other stacks', () => {
  it('takes the top-level AI SDK calls, not their model-call or tool spans', () => {
    for (const operation of [
      'ai.generateText',
      'ai.streamText',
      'ai.generateObject',
      'ai.streamObject',
    ]) {
      expect(isAgentSpan({ name: operation, attributes: { 'ai.operationId': operation } })).toBe(
        true,
      );
    }
    for (const operation of [
      'ai.generateText.doGenerate',
      'ai.streamText.doStream',
      'ai.toolCall',
    ]) {
      expect(isAgentSpan({ name: operation, attributes: { 'ai.operationId': operation } })).toBe(
        false,
      );
    }
  });

  it('takes OpenInference chains and agents (LangChain runs), not LLM or tool spans', () => {
    const kind = (value: string) => ({
      name: 'RunnableSequence',
      attributes: { 'openinference.span.kind': value },
    });
    expect(isAgentSpan(kind('CHAIN'))).toBe(true);
    expect(isAgentSpan(kind('AGENT'))).toBe(true);
    expect(isAgentSpan(kind('LLM'))).toBe(false);
    expect(isAgentSpan(kind('TOOL'))).toBe(false);
  });

  it('takes OpenLLMetry workflows and the marker aglRun sets', () => {
    expect(isAgentSpan({ name: 'loop', attributes: { 'traceloop.span.kind': 'workflow' } })).toBe(
      true,
    );
    expect(
      isAgentSpan({ name: 'openai.chat', attributes: { 'traceloop.span.kind': 'task' } }),
    ).toBe(false);
    expect(isAgentSpan({ name: 'my loop', attributes: { 'agl.run': true } })).toBe(true);
  });

  it("takes OpenLLMetry's withWorkflow / withAgent spans at start, before their attributes", () => {
    expect(isAgentSpan({ name: 'weather-loop.workflow', attributes: {} })).toBe(true);
    expect(isAgentSpan({ name: 'planner.agent', attributes: {} })).toBe(true);
    expect(isAgentSpan({ name: 'fetch-forecast.task', attributes: {} })).toBe(false);
  });
});
