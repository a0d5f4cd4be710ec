import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AglStore, connect } from '@agl/client';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonlFile } from '../src/analyze/jsonl-file.ts';
import { renderStoreReport } from '../src/analyze/render-report.ts';
import { runAnalyze } from '../src/analyze/run-analyze.ts';
import type { StoreReport } from '../src/analyze/store-report.ts';
import { NO_FILTER } from '../src/rollouts/rollout-filter.ts';
import type { TrainingRecord } from '../src/training-data/training-records.ts';
import { type SeededRun, seedRun } from './support/seed-runs.ts';

describe.each(SUPPORTED_AGL_VERSIONS)('agl:analyze on a known data set in AGL %s', (version) => {
  const server = useAglStore(version);
  let store: AglStore;
  let directory: string;
  let report: StoreReport;
  let records: TrainingRecord[];
  const seeded: Record<string, SeededRun> = {};

  beforeAll(async () => {
    store = await connect(server.url);
    directory = await mkdtemp(join(tmpdir(), 'agl-analyze-'));
    seeded.a = await seedRun(store, {
      tokens: [100, 10],
      tools: [{ name: 'search' }, { name: 'search', failed: true }],
      llmCalls: 2,
      tokenIds: true,
      reward: 0.2,
    });
    seeded.b = await seedRun(store, { tokens: [300, 30], tools: [{ name: 'calc' }], reward: 0.9 });
    seeded.c = await seedRun(store, {
      agent: 'helper',
      status: 'failed',
      error: 'model timed out',
    });
    seeded.d = await seedRun(store, { agent: 'helper', metadataAgent: false, status: 'cancelled' });
    seeded.e = await seedRun(store, { status: 'running' });
    const file = await JsonlFile.open(join(directory, 'data.jsonl'));
    ({ report } = await runAnalyze(store, { filter: NO_FILTER, exportFile: file, pageSize: 2 }));
    await file.close();
    records = (await readFile(file.path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TrainingRecord);
  });
  afterAll(async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('counts rollouts by status and agent', () => {
    expect(report.dialect).toBe(version.slice(0, 3));
    expect(report.rollouts.total).toBe(5);
    expect(report.rollouts.byStatus).toEqual({
      queuing: 0,
      preparing: 0,
      running: 1,
      failed: 1,
      succeeded: 2,
      cancelled: 1,
      requeuing: 0,
    });
    expect(report.rollouts.byAgent).toEqual([
      { agent: 'postAnalyzer', rollouts: 3, rewarded: 2, meanReward: 0.55 },
      { agent: 'helper', rollouts: 2, rewarded: 0, meanReward: null },
    ]);
  });

  it('reports durations of finished rollouts, tokens, LLM calls and tools', () => {
    const { durations } = report;
    expect(durations.count).toBe(4);
    expect(durations.p50).toBeGreaterThan(0);
    expect(durations.p50 as number).toBeLessThanOrEqual(durations.p95 as number);
    expect(durations.p95 as number).toBeLessThanOrEqual(durations.p99 as number);
    expect(durations.p99).toBe(durations.max);
    expect(report.tokens).toEqual({ input: 400, output: 40, rolloutsWithUsage: 2 });
    expect(report.llmCalls).toEqual({ total: 6, withTokenIds: 2 });
    expect(report.tools).toEqual([
      { name: 'search', calls: 2, errors: 1, errorRate: 0.5 },
      { name: 'calc', calls: 1, errors: 0, errorRate: 0 },
    ]);
  });

  it('lists failure reasons, the reward distribution and readiness', () => {
    expect(report.failures).toEqual({
      total: 2,
      reasons: [
        { reason: 'cancelled, no reason recorded', count: 1 },
        { reason: 'model timed out', count: 1 },
      ],
    });
    expect(report.rewards).toMatchObject({ count: 2, mean: 0.55, min: 0.2, max: 0.9 });
    expect(report.rewards.histogram.map((bin) => bin.count)).toEqual([
      0, 0, 1, 0, 0, 0, 0, 0, 0, 1,
    ]);
    expect(report.readiness).toEqual({ withReward: 2, finished: 4, target: 500, ready: false });
    expect(report.spansUnreadable).toBe(0);
  });

  it('renders it for the terminal', () => {
    const text = renderStoreReport(report);
    expect(text).toContain('rollouts   5   running 1  failed 1  succeeded 2  cancelled 1');
    expect(text).toContain('tokens     in 400  out 40');
    expect(text).toMatch(/search\s+2\s+1\s+50\.0%/);
    expect(text).toContain('rewards    2 rewarded  mean 0.550  min 0.200  max 0.900');
    expect(text).toContain('training   2 / 500 finished rollouts with rewards (0%)');
    expect(text).toContain(
      `export     5 LLM calls from 4 rollouts (2 with a reward) → ${join(directory, 'data.jsonl')}`,
    );
  });

  it('exports one line per LLM call of the finished rollouts, rewards on the last call', () => {
    const { a, b, c, d } = seeded as Record<string, SeededRun>;
    const rows = records.map((record) => [
      record.rollout_id,
      record.span_id,
      record.triplet.reward,
    ]);
    expect(rows).toEqual([
      [a?.rolloutId, a?.llmCallIds[0], null],
      [a?.rolloutId, a?.llmCallIds[1], 0.2],
      [b?.rolloutId, b?.llmCallIds[0], 0.9],
      [c?.rolloutId, c?.llmCallIds[0], null],
      [d?.rolloutId, d?.llmCallIds[0], null],
    ]);
    expect(records[1]).toMatchObject({
      status: 'succeeded',
      rollout_reward: 0.2,
      rollout_metadata: { agent_name: 'postAnalyzer' },
      messages: [
        { role: 'user', content: 'question 1' },
        { role: 'assistant', content: 'answer 1' },
      ],
      triplet: { prompt: { token_ids: [1, 2, 3] }, response: { token_ids: [4, 5] } },
    });
  });

  it('applies filters', async () => {
    const helper = await runAnalyze(store, { filter: { ...NO_FILTER, agents: ['helper'] } });
    expect(helper.report.rollouts.total).toBe(2);
    const failed = await runAnalyze(store, { filter: { ...NO_FILTER, statuses: ['failed'] } });
    expect(failed.report.rollouts.total).toBe(1);
    const ids = await runAnalyze(store, {
      filter: { ...NO_FILTER, ids: [seeded.b?.rolloutId as string] },
    });
    expect(ids.report.rewards.mean).toBe(0.9);
    const future = await runAnalyze(store, {
      filter: { ...NO_FILTER, since: Date.now() / 1000 + 60 },
    });
    expect(future.report.rollouts.total).toBe(0);
  });
});
