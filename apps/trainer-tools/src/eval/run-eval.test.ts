import { validateSpan } from '@agl/client';
import type { Evaluator, WeightedEvaluator } from '@agl/rewards';
import { FakeAglStore } from '@agl/snapshot/testing';
import { describe, expect, it } from 'vitest';
import { seedRun } from '../../test/support/seed-runs.ts';
import { NO_FILTER } from '../rollouts/rollout-filter.ts';
import { runEval } from './run-eval.ts';

function evaluator(name: string, score: () => number | null): WeightedEvaluator {
  const impl: Evaluator = {
    name,
    version: '1',
    evaluate: () => {
      const value = score();
      return value === null ? null : { value, details: `${name} says ${value}` };
    },
  };
  return { evaluator: impl, weight: 1 };
}

const constant = (value: number) => [evaluator('fixed', () => value)];

async function rewardSpans(store: FakeAglStore, rolloutId: string) {
  return (await store.querySpans(rolloutId)).filter(
    (span) => span.name === 'agentlightning.reward',
  );
}

describe('runEval', () => {
  it('rewards finished rollouts once, after their LLM calls, and skips them next time', async () => {
    const store = new FakeAglStore();
    const run = await seedRun(store, { llmCalls: 2 });
    await seedRun(store, { status: 'running' });
    const first = await runEval(store, { filter: NO_FILTER, evaluators: constant(0.5) });
    expect(first).toMatchObject({ scanned: 1, matched: 1, rewarded: 1, failed: 0, error: null });
    const [reward] = await rewardSpans(store, run.rolloutId);
    expect(reward && validateSpan(reward)).toEqual([]);
    expect(reward).toMatchObject({
      attempt_id: run.attemptId,
      parent_id: run.agentSpanId,
      attributes: {
        reward: 0.5,
        'agentlightning.reward.0.value': 0.5,
        'agl.reward.source': 'agl-eval',
      },
    });
    const others = (await store.querySpans(run.rolloutId)).filter(
      (span) => span.name !== 'agentlightning.reward',
    );
    for (const span of others) {
      expect(reward?.sequence_id).toBeGreaterThan(span.sequence_id);
      expect(reward?.start_time).toBeGreaterThanOrEqual(span.end_time ?? 0);
    }

    const second = await runEval(store, { filter: NO_FILTER, evaluators: constant(0.5) });
    expect(second).toMatchObject({ rewarded: 0, alreadyRewarded: 1 });
    expect(await rewardSpans(store, run.rolloutId)).toHaveLength(1);

    const forced = await runEval(store, {
      filter: NO_FILTER,
      evaluators: constant(0.9),
      force: true,
    });
    expect(forced).toMatchObject({ rewarded: 1, alreadyRewarded: 0 });
    expect(await rewardSpans(store, run.rolloutId)).toHaveLength(2);
  });

  it('writes nothing in a dry run but reports what it would write', async () => {
    const store = new FakeAglStore();
    const run = await seedRun(store);
    const report = await runEval(store, {
      filter: NO_FILTER,
      evaluators: constant(0.25),
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, rewarded: 1, rewards: { mean: 0.25 } });
    expect(report.samples).toEqual([
      { rolloutId: run.rolloutId, reward: 0.25, scores: { fixed: 0.25 } },
    ]);
    expect(await rewardSpans(store, run.rolloutId)).toHaveLength(0);
    expect(store.count('addSpan')).toBe(2); // the seeded spans only
  });

  it('leaves a rollout unscored when an evaluator fails, and scores it on the next run', async () => {
    const store = new FakeAglStore();
    const run = await seedRun(store);
    let broken = true;
    const flaky = [
      evaluator('judge', () => {
        if (broken) throw new Error('model unreachable');
        return 1;
      }),
    ];
    const report = await runEval(store, { filter: NO_FILTER, evaluators: flaky });
    expect(report).toMatchObject({ rewarded: 0, failed: 1 });
    expect(report.failures).toEqual([
      { rolloutId: run.rolloutId, reason: 'judge: model unreachable' },
    ]);
    expect(await rewardSpans(store, run.rolloutId)).toHaveLength(0);
    broken = false;
    expect(await runEval(store, { filter: NO_FILTER, evaluators: flaky })).toMatchObject({
      rewarded: 1,
    });
  });

  it('says why a rollout is skipped', async () => {
    const store = new FakeAglStore();
    await seedRun(store, { llmCalls: 0 });
    await seedRun(store);
    const report = await runEval(store, {
      filter: NO_FILTER,
      evaluators: [evaluator('labels', () => null)],
    });
    expect(report.skipped).toBe(2);
    expect(Object.keys(report.skipReasons).sort()).toEqual([
      expect.stringMatching(/^no LLM call span \(openai\.chat\.completion\) in attempt at-/),
      'no evaluator applies (labels)',
    ]);
  });

  it('applies the filters and names requested ids the store does not have', async () => {
    const store = new FakeAglStore();
    const a = await seedRun(store, { agent: 'postAnalyzer' });
    const b = await seedRun(store, { agent: 'helper', metadataAgent: false });
    const failed = await seedRun(store, { status: 'failed' });
    const running = await seedRun(store, { status: 'running' });
    const dry = { evaluators: constant(1), dryRun: true } as const;
    const byAgent = await runEval(store, { ...dry, filter: { ...NO_FILTER, agents: ['helper'] } });
    expect(byAgent.samples.map((sample) => sample.rolloutId)).toEqual([b.rolloutId]);
    const byStatus = await runEval(store, {
      ...dry,
      filter: { ...NO_FILTER, statuses: ['failed'] },
    });
    expect(byStatus.samples.map((sample) => sample.rolloutId)).toEqual([failed.rolloutId]);
    const future = Date.now() / 1000 + 3600;
    expect(await runEval(store, { ...dry, filter: { ...NO_FILTER, since: future } })).toMatchObject(
      {
        scanned: 3, // finished ones only: the store filters by status
        matched: 0,
      },
    );
    const byIds = await runEval(store, {
      ...dry,
      filter: { ...NO_FILTER, ids: [a.rolloutId, running.rolloutId, 'ro-missing'] },
    });
    expect(byIds.samples.map((sample) => sample.rolloutId)).toEqual([a.rolloutId]);
    expect(byIds.skipReasons).toEqual({ 'not finished (running)': 1 });
    expect(byIds.missingIds).toEqual(['ro-missing']);
  });

  it('stops at --limit and when interrupted; a rerun continues', async () => {
    const store = new FakeAglStore();
    for (let i = 0; i < 5; i += 1) await seedRun(store);
    const limited = await runEval(store, {
      filter: NO_FILTER,
      evaluators: constant(1),
      limit: 2,
      concurrency: 1,
    });
    expect(limited).toMatchObject({ rewarded: 2, stoppedEarly: 'limit' });
    const stop = new AbortController();
    stop.abort();
    const interrupted = await runEval(store, {
      filter: NO_FILTER,
      evaluators: constant(1),
      signal: stop.signal,
    });
    expect(interrupted).toMatchObject({ scanned: 0, stoppedEarly: 'interrupted' });
    expect(await runEval(store, { filter: NO_FILTER, evaluators: constant(1) })).toMatchObject({
      rewarded: 3,
      alreadyRewarded: 2,
    });
  });

  it('ends with an error when the store goes away', async () => {
    const store = new FakeAglStore();
    await seedRun(store);
    store.down = true;
    const report = await runEval(store, { filter: NO_FILTER, evaluators: constant(1) });
    expect(report.error).toMatch(/ECONNREFUSED/);
  });
});
