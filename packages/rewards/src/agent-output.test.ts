import { describe, expect, it } from 'vitest';
import { ANSWER, mastraRun } from '../test/support/mastra-run.ts';
import { agentInputText, agentOutput } from './agent-output.ts';

describe('agentOutput', () => {
  it('reads the structured answer from the agent span', () => {
    const { rollout, spans } = mastraRun();
    expect(agentOutput(rollout, spans)).toEqual({
      text: JSON.stringify(ANSWER),
      structured: ANSWER,
      source: 'mastra.agent_run.output',
    });
  });

  it('falls back to the model_generation output', () => {
    const { rollout, spans } = mastraRun({ agentOutput: {} });
    expect(agentOutput(rollout, spans)).toMatchObject({
      structured: ANSWER,
      source: 'mastra.model_generation.output',
    });
  });

  it("falls back to the agent's last LLM call, not the sub-agent's", () => {
    const { rollout, spans } = mastraRun({ agentOutput: {}, noGeneration: true });
    expect(agentOutput(rollout, spans)).toEqual({
      text: JSON.stringify(ANSWER),
      structured: ANSWER,
      source: 'gen_ai.completion.0.content',
    });
  });

  it('parses a JSON text answer without an object', () => {
    const { rollout, spans } = mastraRun({
      agentOutput: { 'mastra.agent_run.output': JSON.stringify({ text: '{"a":1}' }) },
    });
    expect(agentOutput(rollout, spans)).toMatchObject({ text: '{"a":1}', structured: { a: 1 } });
  });

  it('keeps a plain text answer without a structured one', () => {
    const { rollout, spans } = mastraRun({
      agentOutput: { 'mastra.agent_run.output': JSON.stringify({ text: 'hello' }) },
    });
    expect(agentOutput(rollout, spans)).toEqual({
      text: 'hello',
      structured: undefined,
      source: 'mastra.agent_run.output',
    });
  });

  it('finds nothing in spans without an answer', () => {
    const { rollout } = mastraRun();
    expect(agentOutput(rollout, [])).toEqual({ text: null, structured: undefined, source: null });
  });
});

describe('agentInputText', () => {
  it('prefers a string rollout input, then the agent span input, then JSON', () => {
    const { rollout, spans } = mastraRun();
    expect(agentInputText(rollout, spans)).toMatch(/^Analyze this social-media post\.\n\n/);
    expect(agentInputText({ ...rollout, input: { q: 1 } }, spans)).toBe(
      'Analyze this social-media post.',
    );
    expect(agentInputText({ ...rollout, input: { q: 1 } }, [])).toBe('{"q":1}');
    expect(agentInputText({ ...rollout, input: null }, [])).toBeNull();
  });
});
