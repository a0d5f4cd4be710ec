import { describe, expect, it } from 'vitest';
import { summarizeRollout } from './summarize-rollout.ts';
import { makeAttempt, makeRollout, makeSpan } from './testing/builders.ts';

const usage = (input: number, output: number) => ({
  'gen_ai.usage.input_tokens': input,
  'gen_ai.usage.output_tokens': output,
});

/** The spans of one Mastra `agent.generate()` with two model steps and a tool call. */
function mastraRun() {
  return [
    makeSpan({ span_id: 'agent', name: 'invoke_agent calc', start_time: 10, end_time: 20 }),
    makeSpan({
      span_id: 'chat',
      parent_id: 'agent',
      name: 'chat gpt-4o-mini',
      attributes: { ...usage(300, 40), 'gen_ai.agent.name': 'calc' },
    }),
    makeSpan({
      span_id: 'step1',
      parent_id: 'chat',
      name: 'model_step calc',
      attributes: usage(100, 15),
    }),
    makeSpan({
      span_id: 'step2',
      parent_id: 'chat',
      name: 'model_step calc',
      attributes: usage(200, 25),
    }),
    makeSpan({ span_id: 'tool', parent_id: 'step1', name: 'execute_tool add' }),
  ];
}

describe('summarizeRollout', () => {
  it('copies the rollout fields and converts times to milliseconds', () => {
    const rollout = makeRollout({
      rollout_id: 'ro-1',
      status: 'succeeded',
      mode: 'train',
      start_time: 1_700_000_000.25,
      end_time: 1_700_000_002.75,
    });
    expect(summarizeRollout(rollout)).toEqual({
      rolloutId: 'ro-1',
      agent: null,
      status: 'succeeded',
      mode: 'train',
      startedAt: 1_700_000_000_250,
      endedAt: 1_700_000_002_750,
      durationMs: 2500,
      attempts: 0,
      spanCount: null,
      inputTokens: null,
      outputTokens: null,
      reward: null,
      error: null,
    });
  });

  it('measures a running rollout up to now', () => {
    const rollout = makeRollout({ status: 'running', start_time: 100 });
    expect(summarizeRollout(rollout, [], { now: 103_500 }).durationMs).toBe(3500);
  });

  describe('tokens', () => {
    it('counts the summary span once, not its per-step children too', () => {
      const summary = summarizeRollout(makeRollout(), mastraRun());
      expect(summary).toMatchObject({ inputTokens: 300, outputTokens: 40, spanCount: 5 });
    });

    it('sums per-call spans when no summary span sits above them', () => {
      const spans = [
        makeSpan({ span_id: 'root', name: 'agent.run' }),
        makeSpan({
          span_id: 'c1',
          parent_id: 'root',
          name: 'openai.chat.completion',
          attributes: usage(10, 1),
        }),
        makeSpan({
          span_id: 'c2',
          parent_id: 'root',
          name: 'openai.chat.completion',
          attributes: usage(20, 2),
        }),
      ];
      expect(summarizeRollout(makeRollout(), spans)).toMatchObject({
        inputTokens: 30,
        outputTokens: 3,
      });
    });

    it('sums separate agent runs in one rollout', () => {
      const spans = [
        ...mastraRun(),
        ...mastraRun().map((span) => ({
          ...span,
          span_id: `2-${span.span_id}`,
          parent_id: span.parent_id && `2-${span.parent_id}`,
        })),
      ];
      expect(summarizeRollout(makeRollout(), spans)).toMatchObject({
        inputTokens: 600,
        outputTokens: 80,
      });
    });

    it('accepts numeric strings and leaves tokens null when nothing reports usage', () => {
      const withStrings = [makeSpan({ attributes: { 'gen_ai.usage.input_tokens': '12' } })];
      expect(summarizeRollout(makeRollout(), withStrings)).toMatchObject({
        inputTokens: 12,
        outputTokens: null,
      });
      expect(summarizeRollout(makeRollout(), [makeSpan()])).toMatchObject({
        inputTokens: null,
        outputTokens: null,
      });
    });

    it('reads the older prompt/completion token names when the new ones are absent', () => {
      const spans = [
        makeSpan({
          attributes: { 'gen_ai.usage.prompt_tokens': 9, 'gen_ai.usage.completion_tokens': 4 },
        }),
      ];
      expect(summarizeRollout(makeRollout(), spans)).toMatchObject({
        inputTokens: 9,
        outputTokens: 4,
      });
    });

    it('does not count a duplicated span twice', () => {
      const span = makeSpan({ span_id: 'dup', attributes: usage(5, 5) });
      expect(summarizeRollout(makeRollout(), [span, { ...span }])).toMatchObject({
        inputTokens: 5,
        spanCount: 1,
      });
    });
  });

  describe('reward', () => {
    it('reads the 0.2 reward span', () => {
      const spans = [makeSpan({ name: 'agentlightning.reward', attributes: { reward: 0.5 } })];
      expect(summarizeRollout(makeRollout(), spans).reward).toBe(0.5);
    });

    it('reads the 0.3 primary reward from any span', () => {
      const spans = [
        makeSpan({
          name: 'agentlightning.annotation',
          attributes: {
            'agentlightning.reward.0.name': 'primary',
            'agentlightning.reward.0.value': 1,
          },
        }),
      ];
      expect(summarizeRollout(makeRollout(), spans).reward).toBe(1);
    });

    it('prefers the primary reward on a dual-format span and takes the last reward span', () => {
      const spans = [
        makeSpan({
          sequence_id: 3,
          name: 'agentlightning.reward',
          attributes: { reward: 0.9, 'agentlightning.reward.0.value': 0.8 },
        }),
        makeSpan({ sequence_id: 1, name: 'agentlightning.reward', attributes: { reward: 0.1 } }),
      ];
      expect(summarizeRollout(makeRollout(), spans).reward).toBe(0.8);
    });

    it('ignores a `reward` attribute on ordinary spans', () => {
      const spans = [makeSpan({ name: 'tool', attributes: { reward: 1 } })];
      expect(summarizeRollout(makeRollout(), spans).reward).toBeNull();
    });

    it('keeps a reward of zero', () => {
      const spans = [makeSpan({ name: 'agentlightning.reward', attributes: { reward: 0 } })];
      expect(summarizeRollout(makeRollout(), spans).reward).toBe(0);
    });
  });

  describe('agent', () => {
    it('prefers the metadata agent_name', () => {
      const rollout = makeRollout({ metadata: { agent_name: 'from-metadata' } });
      expect(summarizeRollout(rollout, mastraRun()).agent).toBe('from-metadata');
    });

    it('takes the topmost span that names an agent', () => {
      const spans = [
        makeSpan({ span_id: 'root', attributes: { 'agent.name': 'outer' } }),
        makeSpan({
          span_id: 'inner',
          parent_id: 'root',
          attributes: { 'gen_ai.agent.name': 'inner' },
        }),
      ];
      expect(summarizeRollout(makeRollout(), spans).agent).toBe('outer');
      expect(summarizeRollout(makeRollout(), mastraRun()).agent).toBe('calc');
    });

    it('reads the same agent-naming keys as the exporter, the GenAI agent id last', () => {
      const idOnly = [makeSpan({ attributes: { 'gen_ai.agent.id': 'agent-7' } })];
      expect(summarizeRollout(makeRollout({ metadata: null }), idOnly).agent).toBe('agent-7');
      const both = [makeSpan({ attributes: { 'gen_ai.agent.id': 'id', 'agent.name': 'named' } })];
      expect(summarizeRollout(makeRollout({ metadata: null }), both).agent).toBe('named');
    });

    it('falls back to null when neither names one', () => {
      expect(summarizeRollout(makeRollout({ metadata: null }), [makeSpan()]).agent).toBeNull();
    });
  });

  describe('attempts and errors', () => {
    it('counts attempts from the list, or from the latest attempt the rollout carries', () => {
      const attempts = [makeAttempt({ sequence_id: 1 }), makeAttempt({ sequence_id: 2 })];
      expect(summarizeRollout(makeRollout(), null, { attempts }).attempts).toBe(2);
      const rollout = makeRollout({ attempt: makeAttempt({ sequence_id: 3 }) });
      expect(summarizeRollout(rollout).attempts).toBe(3);
    });

    it('reports the error a failed attempt recorded', () => {
      const rollout = makeRollout({ status: 'failed' });
      const attempts = [
        makeAttempt({ sequence_id: 1, status: 'failed', metadata: { error: 'old' } }),
        makeAttempt({
          sequence_id: 2,
          status: 'failed',
          metadata: { error: { message: 'model refused' } },
        }),
      ];
      expect(summarizeRollout(rollout, null, { attempts }).error).toBe('model refused');
    });

    it('explains timeouts and missing heartbeats', () => {
      const timedOut = makeRollout({
        status: 'failed',
        attempt: makeAttempt({ status: 'timeout' }),
      });
      expect(summarizeRollout(timedOut).error).toBe('attempt timed out');
      const silent = makeRollout({
        status: 'requeuing',
        attempt: makeAttempt({ status: 'unresponsive' }),
      });
      expect(summarizeRollout(silent).error).toBe('attempt stopped sending heartbeats');
    });

    it('falls back to the topmost failed span of a failed rollout', () => {
      const spans = [
        makeSpan({
          span_id: 'root',
          status: { status_code: 'ERROR', description: 'agent crashed' },
        }),
        makeSpan({
          span_id: 'tool',
          parent_id: 'root',
          status: { status_code: 'ERROR', description: 'tool threw' },
        }),
      ];
      expect(summarizeRollout(makeRollout({ status: 'failed' }), spans).error).toBe(
        'agent crashed',
      );
      const unnamed = [
        makeSpan({ name: 'execute_tool add', status: { status_code: 'ERROR', description: null } }),
      ];
      expect(summarizeRollout(makeRollout({ status: 'failed' }), unnamed).error).toBe(
        'span "execute_tool add" failed',
      );
    });

    it('does not blame a succeeded or running rollout for a failed tool call', () => {
      const spans = [makeSpan({ status: { status_code: 'ERROR', description: 'tool threw' } })];
      expect(summarizeRollout(makeRollout({ status: 'succeeded' }), spans).error).toBeNull();
      expect(summarizeRollout(makeRollout({ status: 'running' }), spans).error).toBeNull();
    });

    it('shortens very long error messages', () => {
      const attempt = makeAttempt({ status: 'failed', metadata: { error: 'x'.repeat(2000) } });
      const error = summarizeRollout(makeRollout({ status: 'failed', attempt })).error;
      expect(error).toHaveLength(500);
      expect(error?.endsWith('…')).toBe(true);
    });
  });
});
