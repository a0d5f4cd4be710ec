import type { RolloutSummary } from '@agl/snapshot';
import { describe, expect, it } from 'vitest';
import { renderStoreReport } from './render-report.ts';
import type { RolloutFacts } from './rollout-facts.ts';
import { StoreReportBuilder } from './store-report.ts';

function facts(summary: Partial<RolloutSummary>, extra: Partial<RolloutFacts> = {}): RolloutFacts {
  return {
    summary: {
      rolloutId: 'ro-1',
      agent: 'postAnalyzer',
      status: 'succeeded',
      mode: null,
      startedAt: 0,
      endedAt: 1000,
      durationMs: 1000,
      attempts: 1,
      spanCount: 5,
      inputTokens: null,
      outputTokens: null,
      reward: null,
      error: null,
      ...summary,
    },
    tools: [],
    llmCalls: 0,
    llmCallsWithTokenIds: 0,
    spansRead: true,
    ...extra,
  };
}

function known() {
  const builder = new StoreReportBuilder();
  for (let i = 1; i <= 100; i += 1) {
    builder.add(
      facts(
        {
          durationMs: i * 10,
          reward: i <= 40 ? (i - 1) / 40 : null,
          inputTokens: 10,
          outputTokens: 2,
        },
        {
          tools: [
            { name: 'search', failed: i % 10 === 0 },
            { name: 'calc', failed: false },
          ],
          llmCalls: 2,
          llmCallsWithTokenIds: i <= 5 ? 2 : 0,
        },
      ),
    );
  }
  builder.add(
    facts({
      status: 'failed',
      agent: 'helper',
      error: 'model timed out\nat line 3',
      durationMs: 5000,
    }),
  );
  builder.add(
    facts({ status: 'failed', agent: 'helper', error: 'model timed out', durationMs: 6000 }),
  );
  builder.add(facts({ status: 'cancelled', agent: null, durationMs: 7000 }));
  builder.add(
    facts(
      { status: 'running', endedAt: null, durationMs: 99_999, reward: 0.5 },
      { spansRead: false },
    ),
  );
  return builder.build({ endpoint: 'http://h', dialect: '0.3', export: null }, new Date(0));
}

describe('StoreReportBuilder', () => {
  it('counts rollouts by status and agent', () => {
    const report = known();
    expect(report.rollouts.total).toBe(104);
    expect(report.rollouts.byStatus).toMatchObject({
      succeeded: 100,
      failed: 2,
      cancelled: 1,
      running: 1,
    });
    expect(report.rollouts.byAgent).toEqual([
      { agent: 'postAnalyzer', rollouts: 101, rewarded: 41, meanReward: 0.4878 },
      { agent: 'helper', rollouts: 2, rewarded: 0, meanReward: null },
      { agent: '(unknown)', rollouts: 1, rewarded: 0, meanReward: null },
    ]);
  });

  it('takes duration percentiles over finished rollouts only', () => {
    expect(known().durations).toEqual({ count: 103, p50: 520, p95: 980, p99: 6000, max: 7000 });
  });

  it('sums tokens, LLM calls and tool use with error rates', () => {
    const report = known();
    expect(report.tokens).toEqual({ input: 1000, output: 200, rolloutsWithUsage: 100 });
    expect(report.llmCalls).toEqual({ total: 200, withTokenIds: 10 });
    expect(report.tools).toEqual([
      { name: 'calc', calls: 100, errors: 0, errorRate: 0 },
      { name: 'search', calls: 100, errors: 10, errorRate: 0.1 },
    ]);
  });

  it('groups failure reasons by their first line', () => {
    expect(known().failures).toEqual({
      total: 3,
      reasons: [
        { reason: 'model timed out', count: 2 },
        { reason: 'cancelled, no reason recorded', count: 1 },
      ],
    });
  });

  it('describes the reward distribution and readiness (finished rollouts only count)', () => {
    const { rewards, readiness, spansUnreadable } = known();
    expect(rewards).toMatchObject({ count: 41, min: 0, max: 0.975 });
    expect(rewards.histogram.map((bin) => bin.count)).toEqual([4, 4, 4, 4, 4, 5, 4, 4, 4, 4]);
    expect(readiness).toEqual({ withReward: 40, finished: 103, target: 500, ready: false });
    expect(spansUnreadable).toBe(1);
  });
});

describe('renderStoreReport', () => {
  it('prints every section with a histogram', () => {
    const text = renderStoreReport(known());
    expect(text).toContain('rollouts   104   running 1  failed 2  succeeded 100  cancelled 1');
    expect(text).toContain('duration   p50 520ms  p95 980ms  p99 6s  max 7s  (103 finished)');
    expect(text).toMatch(/search\s+100\s+10\s+10\.0%/);
    expect(text).toContain('      2 × model timed out');
    expect(text).toContain(`  0.5–0.6 │${'█'.repeat(30)} 5`);
    expect(text).toContain('training   40 / 500 finished rollouts with rewards (8%)');
    expect(text).toContain('the spans of 1 rollouts could not be read');
  });

  it('says what to do with an empty store', () => {
    const empty = new StoreReportBuilder().build({
      endpoint: 'http://h',
      dialect: '0.2',
      export: null,
    });
    expect(renderStoreReport(empty)).toContain('No rollouts match.');
  });
});
