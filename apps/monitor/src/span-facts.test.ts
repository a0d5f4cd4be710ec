import { describe, expect, it } from 'vitest';
import { node, span } from '../test/fixtures.ts';
import { flattenTree, spanFacts, treeExtentMs } from './span-facts.ts';

describe('spanFacts', () => {
  it('reads model, tokens, tool and agent from GenAI attributes', () => {
    const facts = spanFacts(
      span({
        name: 'chat gpt-4o-mini',
        attributes: {
          'gen_ai.request.model': 'gpt-4o-mini',
          'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
          'gen_ai.usage.input_tokens': 120,
          'gen_ai.usage.output_tokens': '45',
          'gen_ai.agent.name': 'weather-agent',
        },
      }),
    );
    expect(facts).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      inputTokens: 120,
      outputTokens: 45,
      tool: null,
      agent: 'weather-agent',
      reward: null,
      error: null,
    });
  });

  it('reads the model of an agent run whose model keys the converter kept under agl.summary.', () => {
    const facts = spanFacts(
      span({
        name: 'invoke_agent weather-agent',
        attributes: { 'agl.summary.gen_ai.request.model': 'gpt-4o-mini' },
      }),
    );
    expect(facts.model).toBe('gpt-4o-mini');
  });

  it('falls back to the older attribute names', () => {
    const facts = spanFacts(
      span({
        name: 'openai.chat.completion',
        attributes: {
          'gen_ai.request.model': 'qwen',
          'gen_ai.usage.prompt_tokens': 7,
          'gen_ai.usage.completion_tokens': 3,
          'tool.name': 'calc',
          'agent.name': 'calc-agent',
        },
      }),
    );
    expect(facts).toMatchObject({
      model: 'qwen',
      inputTokens: 7,
      outputTokens: 3,
      tool: 'calc',
      agent: 'calc-agent',
    });
  });

  it('reads rewards in both AGL formats', () => {
    expect(
      spanFacts(span({ name: 'agentlightning.reward', attributes: { reward: 0.5 } })).reward,
    ).toBe(0.5);
    expect(
      spanFacts(span({ name: 'anything', attributes: { 'agentlightning.reward.0.value': 1 } }))
        .reward,
    ).toBe(1);
    expect(spanFacts(span({ name: 'tool', attributes: { reward: 1 } })).reward).toBeNull();
  });

  it('reports errors from the status, or the exception event, or just that there was one', () => {
    const described = span({ name: 'a', status: { status_code: 'ERROR', description: 'boom' } });
    const fromEvent = span({
      name: 'b',
      status: { status_code: 'ERROR', description: null },
      events: [
        { name: 'exception', attributes: { 'exception.message': 'bad input' }, timestamp: null },
      ],
    });
    const bare = span({ name: 'c', status: { status_code: 'ERROR', description: null } });
    const ok = span({ name: 'd', status: { status_code: 'OK', description: 'fine' } });
    expect([described, fromEvent, bare, ok].map((s) => spanFacts(s).error)).toEqual([
      'boom',
      'bad input',
      'error',
      null,
    ]);
  });
});

describe('flattenTree and treeExtentMs', () => {
  it('lists parents before children with their depth, and measures the whole tree', () => {
    const tree = [
      node(span({ name: 'root' }), 0, 400, [
        node(span({ name: 'child' }), 50, 300, [node(span({ name: 'grandchild' }), 100, 500)]),
        node(span({ name: 'sibling' }), 380, 10),
      ]),
      node(span({ name: 'second root' }), 420, 5),
    ];
    const flat = flattenTree(tree);
    expect(flat.map(({ node: n, depth }) => `${depth}:${n.span.name}`)).toEqual([
      '0:root',
      '1:child',
      '2:grandchild',
      '1:sibling',
      '0:second root',
    ]);
    expect(treeExtentMs(flat)).toBe(600);
    expect(treeExtentMs([])).toBe(0);
  });
});
