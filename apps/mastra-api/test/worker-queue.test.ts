import { type AglStore, connect, type Rollout, type Span } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { getDatasetPost } from '@agl/post-analyzer';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, killAll, runCli } from './support/cli-process.ts';
import { startLlmProxy } from './support/llm-proxy.ts';

const WORKER = 'src/worker/cli-worker.ts';
const ENQUEUE = 'src/worker/cli-enqueue.ts';
const OFFLINE = { AGL_LLM_OFFLINE: '1', AGL_LLM_API_KEY: undefined, OPENAI_API_KEY: undefined };

async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function named(spans: Span[], name: string): Span[] {
  return spans.filter((span) => span.name === name);
}

describe.each(SUPPORTED_AGL_VERSIONS)('the worker pattern against AGL %s', (version) => {
  const server = useAglStore(version);
  let store: AglStore;
  let model: OfflineModel;
  const processes: CliProcess[] = [];

  beforeAll(async () => {
    store = await connect(server.url);
    model = await startOfflineModel({ port: 0 });
  });
  afterEach(async () => {
    await killAll(processes.splice(0));
  });
  afterAll(async () => {
    await store?.close();
    await model?.close();
  });

  function worker(id: string, extra: string[] = []): CliProcess {
    const started = runCli(
      WORKER,
      ['--endpoint', server.url, '--worker-id', id, '--poll-interval', '0.2', ...extra],
      OFFLINE,
    );
    processes.push(started);
    return started;
  }

  it('runs 20 enqueued posts on 3 workers in 2 processes: all succeed with their spans and a reward', async () => {
    // Three workers: one process with one loop, one with two (`--workers 2`).
    const workers = [
      worker('batch-a'),
      worker('batch-b', ['--workers', '2', '--concurrency', '2']),
    ];
    const enqueue = runCli(ENQUEUE, [
      '--endpoint',
      server.url,
      '--limit',
      '20',
      '--mode',
      'train',
      '--wait',
      '--wait-timeout',
      '90',
    ]);
    expect(await enqueue.exited, enqueue.output()).toEqual({ code: 0, signal: null });
    const output = enqueue.output();
    expect(output).toContain(`Enqueued 20 train rollouts into AGL ${version.slice(0, 3)}`);
    expect(output).toMatch(/^20 rollouts: 20 succeeded; 20 rewards, mean [01]\.\d{3}\.$/m);
    const ids = [...output.matchAll(/^ {2}(ro-\S+) {2}post-\d+$/gm)].map((m) => m[1] as string);
    expect(ids).toHaveLength(20);
    const rollouts = (await store.queryRollouts({ rolloutIds: ids })).items;
    for (const process of workers) process.child.kill('SIGTERM');
    const exits = await Promise.all(workers.map((process) => process.exited));
    for (const [i, exit] of exits.entries()) {
      expect(exit, workers[i]?.output()).toEqual({ code: 0, signal: null });
      expect(workers[i]?.output()).toContain('SIGTERM received: draining');
    }

    expect(rollouts.map((r) => r.status)).toEqual(Array(20).fill('succeeded'));
    // The workers added to the queued rollouts; they did not start any of their own.
    expect((await store.queryRollouts()).total).toBe(20);
    const workerIds = ['batch-a', 'batch-b-1', 'batch-b-2'];
    for (const rollout of rollouts) await expectCompleteAttempt(store, rollout, workerIds);
  }, 150_000);

  it('retries a rollout whose worker is killed mid-run, per the rollout config', async () => {
    const proxy = await startLlmProxy(model.url, 300);
    try {
      const resources = await store.addResources({
        main_llm: {
          resource_type: 'proxy_llm',
          endpoint: proxy.url,
          model: 'policy-model',
          sampling_parameters: { temperature: 0.3 },
        },
        analysis_prompt: {
          resource_type: 'prompt_template',
          template: 'Published prompt for {handle}.\n\n{prompt}',
          engine: 'f-string',
        },
      });
      const config = {
        max_attempts: 2,
        retry_condition: ['unresponsive', 'timeout', 'failed'],
        unresponsive_seconds: 2,
      };
      const enqueue = runCli(ENQUEUE, [
        '--endpoint',
        server.url,
        '--ids',
        'post-007',
        '--mode',
        'val',
        '--config',
        JSON.stringify(config),
        '--resources-id',
        resources.resources_id,
      ]);
      expect(await enqueue.exited).toEqual({ code: 0, signal: null });
      const rolloutId = /^ {2}(ro-\S+)/m.exec(enqueue.output())?.[1] as string;

      const doomed = worker('doomed');
      const firstCall = await until(
        'the first model call',
        async () => proxy.requests.find((r) => r.rolloutId === rolloutId),
        60_000,
      );
      doomed.child.kill('SIGKILL');
      expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });

      const survivor = worker('survivor');
      // AGL's watchdog marks the silent attempt unresponsive (0.3 checks at most every 10 s),
      // requeues the rollout, and the surviving worker runs attempt 2.
      const rollout = await until(
        'the rollout to finish',
        async () => {
          const found = await store.getRollout(rolloutId);
          return found && ['succeeded', 'failed'].includes(found.status) ? found : undefined;
        },
        60_000,
      );
      survivor.child.kill('SIGTERM');
      expect(await survivor.exited, survivor.output()).toEqual({ code: 0, signal: null });

      expect(rollout.status).toBe('succeeded');
      const attempts = await store.queryAttempts(rolloutId);
      expect(attempts.map((a) => [a.status, a.worker_id])).toEqual([
        ['unresponsive', 'doomed'],
        ['succeeded', 'survivor'],
      ]);
      const [first, second] = attempts;
      expect(firstCall.attemptId).toBe(first?.attempt_id);
      const secondCalls = proxy.requests.filter((r) => r.attemptId === second?.attempt_id);
      expect(secondCalls.length).toBeGreaterThan(1);
      for (const call of secondCalls) {
        expect(call.rolloutId).toBe(rolloutId);
        expect(call.body).toMatchObject({ model: 'policy-model', temperature: 0.3 });
      }
      // The analysis (not the reply writer's) prompt comes from the published template.
      const prompts = secondCalls.map((call) => JSON.stringify(call.body?.messages));
      const handle = getDatasetPost('post-007').post.author.handle;
      expect(prompts.some((p) => p.includes(`Published prompt for ${handle}.`))).toBe(true);
      await expectCompleteAttempt(store, rollout, ['survivor'], second?.attempt_id);
    } finally {
      await proxy.close();
    }
  }, 150_000);
});

/** The attempt that finished the rollout has the agent's spans under the worker's root, and a reward last. */
async function expectCompleteAttempt(
  store: AglStore,
  rollout: Rollout,
  workerIds: string[],
  attemptId?: string,
): Promise<void> {
  const attempts = await store.queryAttempts(rollout.rollout_id);
  const attempt = attempts.at(-1);
  if (attemptId !== undefined) expect(attempt?.attempt_id).toBe(attemptId);
  expect(attempt?.status).toBe('succeeded');
  expect(workerIds).toContain(attempt?.worker_id);
  const spans = (await store.querySpans(rollout.rollout_id)).filter(
    (span) => span.attempt_id === attempt?.attempt_id,
  );
  const [root] = named(spans, 'agl.worker.rollout');
  expect(root?.parent_id).toBeNull();
  expect(root?.attributes['agentlightning.rollout_id']).toBe(rollout.rollout_id);
  const [agent] = named(spans, 'invoke_agent postAnalyzer');
  expect(agent?.parent_id).toBe(root?.span_id);
  expect(named(spans, 'openai.chat.completion').length).toBeGreaterThan(0);
  for (const span of spans) expect(span.trace_id).toBe(root?.trace_id);
  const rewards = named(spans, 'agentlightning.reward');
  expect(rewards).toHaveLength(1);
  const [reward] = rewards;
  expect(reward?.parent_id).toBe(root?.span_id);
  const value = reward?.attributes.reward;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  expect(reward?.attributes['agentlightning.reward.0.value']).toBe(value);
  const others = spans.filter((span) => span !== reward).map((span) => span.sequence_id);
  expect(reward?.sequence_id).toBeGreaterThan(Math.max(...others));
}
