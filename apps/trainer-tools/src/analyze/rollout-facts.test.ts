import { makeRollout } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { span } from '../../test/support/spans.ts';
import { rolloutFacts } from './rollout-facts.ts';

const rollout = makeRollout({ status: 'succeeded', end_time: 1_700_000_001 });

describe('rolloutFacts', () => {
  it('counts tool executions, not the tool calls the model asked for', () => {
    const spans = [
      span('c', null, 'openai.chat.completion', [0, 1], {
        prompt_token_ids: [1],
        response_token_ids: [2],
      }),
      span('q', 'c', 'tool_call search', [1, 1], {
        'gen_ai.tool.name': 'search',
        'tool.name': 'search',
      }),
      span('x', null, 'execute_tool search', [1, 2], {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'search',
        'tool.name': 'search',
      }),
    ];
    const facts = rolloutFacts(rollout, spans);
    expect(facts.tools).toEqual([{ name: 'search', failed: false }]);
    expect([facts.llmCalls, facts.llmCallsWithTokenIds]).toEqual([1, 1]);
  });

  it('without execute_tool spans counts every span that names a tool, once', () => {
    const failed = span('t', null, 'tool', [0, 1], { 'tool.name': 'calc' });
    failed.status = { status_code: 'ERROR', description: 'boom' };
    const facts = rolloutFacts(rollout, [failed, failed]);
    expect(facts.tools).toEqual([{ name: 'calc', failed: true }]);
    expect(facts.spansRead).toBe(true);
    expect(rolloutFacts(rollout, null).spansRead).toBe(false);
  });
});
