import { describe, expect, it } from 'vitest';
import { writeAgentName } from './agent-name.ts';

function run(attributes: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  writeAgentName(attributes, (k, v) => {
    out[k] = v;
  });
  return out;
}

describe('writeAgentName', () => {
  it('copies gen_ai.agent.name to agent.name, falling back to the agent id', () => {
    expect(run({ 'gen_ai.agent.name': 'weatherAgent', 'gen_ai.agent.id': 'w1' })).toEqual({
      'agent.name': 'weatherAgent',
    });
    expect(run({ 'gen_ai.agent.id': 'w1' })).toEqual({ 'agent.name': 'w1' });
    expect(run({})).toEqual({});
  });

  it('names an OpenLLMetry workflow or agent after its entity', () => {
    expect(
      run({ 'traceloop.span.kind': 'workflow', 'traceloop.entity.name': 'weather-workflow' }),
    ).toEqual({ 'agent.name': 'weather-workflow' });
    expect(run({ 'traceloop.span.kind': 'task', 'traceloop.entity.name': 'fetch' })).toEqual({});
  });
});
