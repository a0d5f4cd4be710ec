import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeAglStore } from '@agl/snapshot/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedRun } from '../../test/support/seed-runs.ts';
import { NO_FILTER } from '../rollouts/rollout-filter.ts';
import type { TrainingRecord } from '../training-data/training-records.ts';
import { JsonlFile } from './jsonl-file.ts';
import { runAnalyze } from './run-analyze.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'agl-analyze-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe.each(['0.2', '0.3'] as const)('runAnalyze (AGL %s dialect)', (dialect) => {
  it('reports tools, tokens, failures and rewards', async () => {
    const store = new FakeAglStore({ dialect });
    await seedRun(store, {
      tokens: [100, 10],
      tools: [{ name: 'search' }, { name: 'search', failed: true }],
      reward: 0.5,
    });
    await seedRun(store, { agent: 'helper', status: 'failed', error: 'model timed out' });
    const { report, interrupted } = await runAnalyze(store, { filter: NO_FILTER });
    expect(interrupted).toBe(false);
    expect(report.rollouts.byStatus).toMatchObject({ succeeded: 1, failed: 1 });
    expect(report.tokens).toEqual({ input: 100, output: 10, rolloutsWithUsage: 1 });
    expect(report.tools).toEqual([{ name: 'search', calls: 2, errors: 1, errorRate: 0.5 }]);
    expect(report.failures.reasons).toEqual([{ reason: 'model timed out', count: 1 }]);
    expect(report.rewards).toMatchObject({ count: 1, mean: 0.5 });
    expect(report.readiness).toMatchObject({ withReward: 1, finished: 2 });
  });

  it('exports one record per LLM call of finished rollouts, in store order', async () => {
    const store = new FakeAglStore({ dialect });
    const first = await seedRun(store, { llmCalls: 2, reward: 0.75, tokenIds: true });
    await seedRun(store, { status: 'running' });
    const second = await seedRun(store, { llmCalls: 1 });
    const path = join(directory, 'data.jsonl');
    const file = await JsonlFile.open(path);
    const { report } = await runAnalyze(store, { filter: NO_FILTER, exportFile: file });
    await file.close();
    const records = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TrainingRecord);
    expect(
      records.map((record) => [record.rollout_id, record.span_id, record.index, record.calls]),
    ).toEqual([
      [first.rolloutId, first.llmCallIds[0], 0, 2],
      [first.rolloutId, first.llmCallIds[1], 1, 2],
      [second.rolloutId, second.llmCallIds[0], 0, 1],
    ]);
    expect(records.map((record) => record.triplet.reward)).toEqual([null, 0.75, null]);
    expect(records[1]).toMatchObject({
      rollout_reward: 0.75,
      messages: [
        { role: 'user', content: 'question 1' },
        { role: 'assistant', content: 'answer 1' },
      ],
      tools: null,
      triplet: {
        prompt: { token_ids: [1, 2, 3] },
        response: { token_ids: [4, 5] },
        metadata: { response_id: `chatcmpl-${first.llmCallIds[1]}`, agent_name: 'postAnalyzer' },
      },
    });
    expect(report.export).toEqual({ path, records: 3, rollouts: 2, recordsWithReward: 1 });
    expect(await readdir(directory)).toEqual(['data.jsonl']);
  });

  it('filters by agent, also when only the spans name it', async () => {
    const store = new FakeAglStore({ dialect });
    await seedRun(store, { agent: 'helper', metadataAgent: false });
    await seedRun(store, { agent: 'postAnalyzer' });
    const { report } = await runAnalyze(store, { filter: { ...NO_FILTER, agents: ['helper'] } });
    expect(report.rollouts.byAgent).toEqual([
      { agent: 'helper', rollouts: 1, rewarded: 0, meanReward: null },
    ]);
  });

  it('reads a page, analyses it, then reads the next', async () => {
    const store = new FakeAglStore({ dialect });
    for (let i = 0; i < 5; i += 1) await seedRun(store);
    store.resetCounts();
    const spanReadsPerPage: number[] = [];
    const query = store.queryRollouts.bind(store);
    store.queryRollouts = async (q) => {
      spanReadsPerPage.push(store.count('querySpans'));
      return query(q);
    };
    const { report } = await runAnalyze(store, { filter: NO_FILTER, pageSize: 2 });
    expect(report.rollouts.total).toBe(5);
    // 0.2 has no paging: one read of the list, then the spans.
    expect(spanReadsPerPage).toEqual(dialect === '0.3' ? [0, 2, 4] : [0]);
  });

  it('stops after the current page when interrupted', async () => {
    const store = new FakeAglStore({ dialect });
    for (let i = 0; i < 3; i += 1) await seedRun(store);
    const stop = new AbortController();
    stop.abort();
    const { report, interrupted } = await runAnalyze(store, {
      filter: NO_FILTER,
      pageSize: 1,
      signal: stop.signal,
    });
    expect(interrupted).toBe(true);
    expect(report.rollouts.total).toBe(1);
  });
});

describe('JsonlFile', () => {
  it('refuses a folder that does not exist, saying so', async () => {
    await expect(JsonlFile.open(join(directory, 'missing', 'x.jsonl'))).rejects.toThrow(
      /cannot write .*x\.jsonl: its folder does not exist/,
    );
  });

  it('leaves nothing behind when discarded', async () => {
    const file = await JsonlFile.open(join(directory, 'x.jsonl'));
    await file.write({ a: 1 });
    await file.discard();
    expect(await readdir(directory)).toEqual([]);
  });
});
