import { type AglStore, connect, type Rollout, type Span } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { latestAttemptSpans, parseEvaluatorWeights, type WeightedEvaluator } from '@agl/rewards';
import { summarizeRollout } from '@agl/snapshot';
import { type AdapterOutput, runAglAdapters, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEval } from '../src/eval/run-eval.ts';
import { createChatCompletionsJudge } from '../src/judge/chat-completions-judge.ts';
import {
  DEFAULT_EVALUATORS,
  EVALUATOR_NAMES,
  postAnalyzerEvaluators,
} from '../src/post-analyzer/evaluators.ts';
import { NO_FILTER } from '../src/rollouts/rollout-filter.ts';
import { traceToMessages } from '../src/training-data/trace-to-messages.ts';
import { trainingRecords } from '../src/training-data/training-records.ts';
import { analyzePosts, type PostAnalyzerRun } from './support/post-analyzer-rollouts.ts';
import { sharedTripletFields } from './support/triplet-fields.ts';

const POSTS = ['post-001', 'post-002', 'post-003', 'post-016'];
const PYTHON_TIMEOUT_MS = 180_000;

let model: OfflineModel;
beforeAll(async () => {
  model = await startOfflineModel({ port: 0 });
});
afterAll(async () => {
  await model.close();
});

function evaluators(spec = DEFAULT_EVALUATORS): WeightedEvaluator[] {
  const judge = createChatCompletionsJudge({
    baseUrl: model.url,
    apiKey: 'offline',
    model: model.model,
  });
  return postAnalyzerEvaluators(parseEvaluatorWeights(spec, EVALUATOR_NAMES), judge);
}

const rewardSpansOf = (spans: Span[]) =>
  spans.filter((span) => span.name === 'agentlightning.reward');

/** The span id of the attempt's LLM call that ended last: the one a reward must go to. */
function lastLlmCall(spans: Span[]): string {
  const calls = spans.filter((span) => span.name === 'openai.chat.completion');
  calls.sort((a, b) => (a.end_time ?? 0) - (b.end_time ?? 0));
  return calls.at(-1)?.span_id as string;
}

describe.each(SUPPORTED_AGL_VERSIONS)('agl:eval on Post Analyzer rollouts in AGL %s', (version) => {
  const server = useAglStore(version);
  let store: AglStore;
  let run: PostAnalyzerRun;
  const rewards = new Map<string, number>();
  let forced: { rolloutId: string; first: number; second: number };

  beforeAll(async () => {
    store = await connect(server.url);
    run = await analyzePosts(store, POSTS);
  });
  afterAll(async () => {
    await store.close();
  });

  async function attemptSpans(rollout: Rollout): Promise<Span[]> {
    const fresh = (await store.getRollout(rollout.rollout_id)) as Rollout;
    return latestAttemptSpans(fresh, await store.querySpans(rollout.rollout_id))?.spans ?? [];
  }

  it('scores every rollout in a dry run and writes nothing', async () => {
    const before = await Promise.all(
      run.rollouts.map((rollout) => store.querySpans(rollout.rollout_id)),
    );
    const report = await runEval(store, {
      filter: NO_FILTER,
      evaluators: evaluators(),
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, matched: 4, rewarded: 4, failed: 0, error: null });
    for (const sample of report.samples) {
      expect(Object.keys(sample.scores)).toEqual(['ground-truth', 'schema', 'judge']);
      expect(sample.reward).toBeGreaterThan(0);
    }
    const after = await Promise.all(
      run.rollouts.map((rollout) => store.querySpans(rollout.rollout_id)),
    );
    expect(after.map((spans) => spans.length)).toEqual(before.map((spans) => spans.length));
  });

  it('writes one reward span per rollout, after every LLM call in sequence and time', async () => {
    const report = await runEval(store, { filter: NO_FILTER, evaluators: evaluators() });
    expect(report).toMatchObject({ rewarded: 4, alreadyRewarded: 0, failed: 0, error: null });
    for (const sample of report.samples) rewards.set(sample.rolloutId, sample.reward);
    expect([...rewards.keys()].sort()).toEqual(
      run.rollouts.map((rollout) => rollout.rollout_id).sort(),
    );
    for (const rollout of run.rollouts) {
      const spans = await attemptSpans(rollout);
      const [reward, ...more] = rewardSpansOf(spans);
      expect(more).toEqual([]);
      expect(reward?.parent_id).toBe(rollout.metadata?.agent_span_id);
      expect(reward?.trace_id).toBe(rollout.metadata?.trace_id);
      expect(reward?.attributes).toMatchObject({
        reward: rewards.get(rollout.rollout_id),
        'agentlightning.reward.0.name': 'primary',
        'agentlightning.reward.1.name': 'ground-truth',
        'agentlightning.reward.2.name': 'schema',
        'agentlightning.reward.3.name': 'judge',
        'agl.reward.evaluator_version': 'ground-truth@1,schema@1,judge@1:agl-offline-1',
      });
      for (const span of spans.filter((other) => other !== reward)) {
        expect(reward?.sequence_id).toBeGreaterThan(span.sequence_id);
        expect(reward?.start_time).toBeGreaterThanOrEqual(span.end_time ?? 0);
      }
      // The dashboards read the same reward.
      expect(summarizeRollout(rollout, spans).reward).toBe(rewards.get(rollout.rollout_id));
    }
  });

  it('is idempotent: a second run adds no reward', async () => {
    const report = await runEval(store, { filter: NO_FILTER, evaluators: evaluators() });
    expect(report).toMatchObject({ rewarded: 0, alreadyRewarded: 4 });
    for (const rollout of run.rollouts) {
      expect(rewardSpansOf(await store.querySpans(rollout.rollout_id))).toHaveLength(1);
    }
  });

  it('with force adds a second reward span', async () => {
    const target = run.rollouts[0] as Rollout;
    const report = await runEval(store, {
      filter: { ...NO_FILTER, ids: [target.rollout_id] },
      evaluators: evaluators('schema'),
      force: true,
    });
    expect(report).toMatchObject({ rewarded: 1 });
    const second = report.samples[0]?.reward as number;
    const first = rewards.get(target.rollout_id) as number;
    expect(second).not.toBe(first);
    forced = { rolloutId: target.rollout_id, first, second };
    expect(rewardSpansOf(await store.querySpans(target.rollout_id))).toHaveLength(2);
  });

  it.each([
    ['an agent no rollout has', { agents: ['nobody'] }, 0],
    ['the sub-agent (only the outer agent owns a rollout)', { agents: ['replyWriter'] }, 0],
    ['a time window in the future', { since: Date.now() / 1000 + 3600 }, 0],
    ['a time window in the past', { until: Date.now() / 1000 - 24 * 3600 }, 0],
    ['failed rollouts only', { statuses: ['failed' as const] }, 0],
    ['the Post Analyzer', { agents: ['postAnalyzer'] }, 4],
  ])('filters by %s', async (_name, filter, matched) => {
    const report = await runEval(store, {
      filter: { ...NO_FILTER, ...filter },
      evaluators: evaluators(),
      dryRun: true,
    });
    expect(report.matched).toBe(matched);
  });

  it('names requested ids that are not in the store', async () => {
    const report = await runEval(store, {
      filter: { ...NO_FILTER, ids: [run.rollouts[1]?.rollout_id as string, 'ro-000000000000'] },
      evaluators: evaluators(),
      dryRun: true,
    });
    expect(report).toMatchObject({
      matched: 1,
      alreadyRewarded: 1,
      missingIds: ['ro-000000000000'],
    });
  });

  describe("AGL's own adapters, run from the project venv", () => {
    let outputs: AdapterOutput[];
    let attempts: Span[][];

    beforeAll(async () => {
      attempts = await Promise.all(run.rollouts.map(attemptSpans));
      outputs = await runAglAdapters(version, attempts);
    }, PYTHON_TIMEOUT_MS);

    it('attach each reward to the last LLM call (TracerTraceToTriplet) in both formats', () => {
      run.rollouts.forEach((rollout, index) => {
        if (rollout.rollout_id === forced.rolloutId) return;
        const output = outputs[index] as AdapterOutput;
        expect(output.agentlightning).toBe(version);
        const reward = rewards.get(rollout.rollout_id);
        const rewarded = output.triplets.map((triplet) => triplet.reward);
        expect(rewarded.filter((value) => value !== null)).toEqual([reward]);
        const rewardedCall = output.llm_call_span_ids[rewarded.indexOf(reward as number)];
        expect(rewardedCall).toBe(lastLlmCall(attempts[index] as Span[]));
        expect(output.triplets.at(-1)?.metadata.agent_name).toBe('postAnalyzer');
        expect(output.final_reward).toBe(reward);
      });
    });

    it('with a forced second reward keep the first on the last call and give the second to the call before', () => {
      const index = run.rollouts.findIndex((rollout) => rollout.rollout_id === forced.rolloutId);
      const output = outputs[index] as AdapterOutput;
      const spans = attempts[index] as Span[];
      const last = lastLlmCall(spans);
      const byCall = new Map(
        output.llm_call_span_ids.map((id, i) => [id, output.triplets[i]?.reward]),
      );
      expect(byCall.get(last)).toBe(forced.first);
      expect([...byCall.values()].filter((value) => value !== null).sort()).toEqual(
        [forced.first, forced.second].sort(),
      );
      // find_final_reward (runner logs, APO) and the dashboards take the newest.
      expect(output.final_reward).toBe(forced.second);
      expect(summarizeRollout(run.rollouts[index] as Rollout, spans).reward).toBe(forced.second);
    });

    it("match what agl:analyze --export writes (this package's port of the adapters)", () => {
      run.rollouts.forEach((rollout, index) => {
        const output = outputs[index] as AdapterOutput;
        const spans = attempts[index] as Span[];
        const records = trainingRecords(rollout, spans, {
          version: store.dialect,
          rolloutReward: null,
        });
        expect(records.map((record) => record.span_id)).toEqual(output.llm_call_span_ids);
        expect(records.map((record) => record.triplet)).toEqual(
          output.triplets.map(sharedTripletFields),
        );
        expect(traceToMessages(spans)).toEqual(output.messages);
      });
    });
  });
});
