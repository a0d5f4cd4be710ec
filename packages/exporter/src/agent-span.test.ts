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
