import type { Attempt, Rollout, Span } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { checkRollout } from './check-rollout.ts';

function span(overrides: Partial<Span>): Span {
  return {
    rollout_id: 'ro-1',
    attempt_id: 'at-1',
    sequence_id: 1,
    trace_id: 't'.repeat(32),
    span_id: 'a'.repeat(16),
    parent_id: null,
    name: 'x',
    status: { status_code: 'OK', description: null },
    attributes: {},
    events: [],
    links: [],
    start_time: 1,
    end_time: 2,
    context: null,
    parent: null,
    resource: { attributes: {}, schema_url: '' },
    ...overrides,
  };
}

const rollout = {
  rollout_id: 'ro-1',
  status: 'succeeded',
  metadata: { postId: 'p1' },
} as unknown as Rollout;
const attempts = [{ status: 'succeeded' }] as Attempt[];
const good: Span[] = [
  span({
    span_id: 'a'.repeat(16),
    name: 'invoke_agent bot',
    attributes: { 'agent.name': 'bot' },
    sequence_id: 4,
  }),
  span({
    span_id: 'b'.repeat(16),
    parent_id: 'a'.repeat(16),
    name: 'openai.chat.completion',
    sequence_id: 2,
    attributes: {
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.1.role': 'tool',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.response.id': 'r1',
    },
  }),
  span({
    span_id: 'c'.repeat(16),
    parent_id: 'a'.repeat(16),
    name: 'execute_tool lookup',
    sequence_id: 3,
    attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup' },
  }),
];
const expected = {
  rootName: 'invoke_agent bot',
  agentName: 'bot',
  tools: ['lookup'],
  postId: 'p1',
};

describe('checkRollout', () => {
  it('passes a complete, training-ready rollout', () => {
    const checks = checkRollout({ rollout, attempts, spans: good }, expected);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBe(11);
  });

  it('checks a run without an agent by its root name and input', () => {
    const run = { ...rollout, input: 'What now?' } as Rollout;
    const spans = [
      { ...(good[0] as Span), name: 'ai.generateText', attributes: {} },
      good[1] as Span,
      { ...(good[2] as Span), name: 'ai.toolCall', attributes: { 'tool.name': 'lookup' } },
    ];
    const plain = { rootName: 'ai.generateText', tools: ['lookup'], input: 'What now?' };
    const checks = checkRollout({ rollout: run, attempts, spans }, plain);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.name)).not.toContain('agent span names the agent');
    const wrong = checkRollout(
      { rollout: { ...run, input: 'Something else' } as Rollout, attempts, spans },
      { ...plain, rootName: 'ai.streamText' },
    );
    expect(wrong.filter((c) => !c.ok).map((c) => c.name)).toEqual([
      'rollout input',
      'run span is the only root',
    ]);
  });

  it('names what is missing', () => {
    const broken = [
      good[0] as Span,
      {
        ...(good[1] as Span),
        parent_id: 'f'.repeat(16),
        attributes: { 'gen_ai.prompt.0.role': 'user' },
      },
    ];
    const failed = checkRollout(
      {
        rollout: { ...rollout, status: 'failed' },
        attempts: [{ status: 'failed' } as Attempt],
        spans: broken,
      },
      expected,
    )
      .filter((c) => !c.ok)
      .map((c) => c.name);
    expect(failed).toEqual([
      'rollout succeeded',
      'one attempt, succeeded',
      'every parent is in the rollout',
      'LLM calls visible to AGL, training-ready',
      'LLM prompts are whole (tool results included)',
      'tool spans',
    ]);
  });
});
