import { type AglStore, connect, createLowLevelClient } from '@agl/client';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkerTracing,
  REWARD_SPAN_NAME,
  ROOT_SPAN_NAME,
  RolloutBudget,
  type RolloutContext,
  type RolloutTask,
  RolloutWorker,
  type RolloutWorkerOptions,
  type WorkerEvent,
  type WorkerTracing,
} from '../src/index.ts';
import { cancelQueued, enqueue, eventually, spanNamed } from './support/store-helpers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stand-in agent: an agent span with a model-call span inside, both under the active span. */
async function fakeAgentRun(name: string): Promise<void> {
  const tracer = trace.getTracer('fake-agent');
  await tracer.startActiveSpan(
    `invoke_agent ${name}`,
    { attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': name } },
    async (agent) => {
      await tracer.startActiveSpan(
        'chat fake-model',
        { attributes: { 'gen_ai.operation.name': 'chat' } },
        async (chat) => {
          await sleep(5);
          chat.end();
        },
      );
      agent.end();
    },
  );
}

describe.each(SUPPORTED_AGL_VERSIONS)('RolloutWorker on AGL %s', (version) => {
  const server = useAglStore(version);
  let store: AglStore;
  let tracing: WorkerTracing;

  beforeAll(async () => {
    store = await connect(server.url);
    tracing = createWorkerTracing({ store, serviceName: 'worker-test' });
  });
  afterAll(async () => {
    await tracing.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
    await store.close();
  });
  afterEach(async () => {
    await cancelQueued(store);
  });

  function worker(options: Partial<RolloutWorkerOptions> & { task: RolloutTask }) {
    const events: WorkerEvent[] = [];
    const instance = new RolloutWorker({
      store,
      tracing,
      workerId: `w-${Math.random().toString(16).slice(2, 8)}`,
      pollIntervalMs: 50,
      onEvent: (event) => events.push(event),
      ...options,
    });
    return { worker: instance, events };
  }

  it('runs each dequeued rollout in its own attempt: spans joined, reward last, no new rollout', async () => {
    const before = (await store.queryRollouts()).total;
    const queued = await enqueue(
      store,
      [1, 2, 3, 4].map((n) => ({ n })),
      { mode: 'train' },
    );
    const seen: RolloutContext[] = [];
    const { worker: w } = worker({
      concurrency: 2,
      maxRollouts: 4,
      agentName: 'fake',
      task: async (ctx) => {
        seen.push(ctx);
        await fakeAgentRun('fake');
        return (ctx.rollout.input as { n: number }).n / 10;
      },
    });
    const stats = await w.run();
    expect(stats).toMatchObject({ dequeued: 4, succeeded: 4, failed: 0, rewards: 4, active: 0 });
    expect((await store.queryRollouts()).total).toBe(before + 4);

    for (const rollout of queued) {
      const finished = await eventually(async () => {
        const found = await store.getRollout(rollout.rollout_id);
        expect(found?.status).toBe('succeeded');
        return found;
      });
      const attempts = await store.queryAttempts(rollout.rollout_id);
      expect(attempts).toHaveLength(1);
      const [attempt] = attempts;
      expect(attempt?.status).toBe('succeeded');
      expect(attempt?.worker_id).toBe(w.workerId);
      expect(
        seen.find((ctx) => ctx.rollout.rollout_id === rollout.rollout_id)?.attempt.attempt_id,
      ).toBe(attempt?.attempt_id);

      const spans = await store.querySpans(rollout.rollout_id);
      expect(spans.map((s) => s.name).sort()).toEqual(
        ['chat fake-model', 'invoke_agent fake', REWARD_SPAN_NAME, ROOT_SPAN_NAME].sort(),
      );
      const root = spanNamed(spans, ROOT_SPAN_NAME);
      const reward = spanNamed(spans, REWARD_SPAN_NAME);
      expect(root.parent_id).toBeNull();
      expect(root.attributes).toMatchObject({
        'agentlightning.rollout_id': rollout.rollout_id,
        'agentlightning.attempt_id': attempt?.attempt_id,
        'agl.worker.id': w.workerId,
        'agl.rollout.mode': 'train',
        'agent.name': 'fake',
      });
      expect(spanNamed(spans, 'invoke_agent fake').parent_id).toBe(root.span_id);
      for (const span of spans) {
        expect(span.attempt_id).toBe(attempt?.attempt_id);
        expect(span.trace_id).toBe(root.trace_id);
      }
      const n = (finished?.input as { n: number } | undefined)?.n ?? Number.NaN;
      expect(reward.attributes).toEqual({
        reward: n / 10,
        'agentlightning.reward.0.name': 'primary',
        'agentlightning.reward.0.value': n / 10,
      });
      expect(reward.parent_id).toBe(root.span_id);
      const others = spans.filter((s) => s !== reward);
      expect(reward.sequence_id).toBeGreaterThan(Math.max(...others.map((s) => s.sequence_id)));
      expect(reward.start_time).toBeGreaterThanOrEqual(
        Math.max(...others.map((s) => s.end_time ?? 0)),
      );
    }
  });

  it('runs up to `concurrency` rollouts at the same time, never more', async () => {
    await enqueue(store, [1, 2, 3, 4, 5, 6]);
    let active = 0;
    let most = 0;
    let waiting: Array<() => void> = [];
    const { worker: w } = worker({
      concurrency: 3,
      maxRollouts: 6,
      task: async () => {
        active += 1;
        most = Math.max(most, active);
        // Released once three runs are in progress together.
        if (active === 3) {
          for (const release of waiting) release();
          waiting = [];
        } else {
          await Promise.race([
            new Promise<void>((resolve) => waiting.push(resolve)),
            sleep(10_000),
          ]);
        }
        active -= 1;
        return null;
      },
    });
    const stats = await w.run();
    expect(stats).toMatchObject({ dequeued: 6, succeeded: 6, rewards: 0 });
    expect(most).toBe(3);
  });

  it('finishes a failing run as failed, with the error, and keeps working', async () => {
    const [bad, good] = await enqueue(store, [{ fail: true }, { fail: false }]);
    const { worker: w, events } = worker({
      maxRollouts: 2,
      task: async (ctx) => {
        await fakeAgentRun('fragile');
        if ((ctx.rollout.input as { fail: boolean }).fail) throw new Error('the agent broke');
        return 1;
      },
    });
    expect(await w.run()).toMatchObject({ succeeded: 1, failed: 1 });
    const [failed] = await store.queryAttempts(bad?.rollout_id as string);
    expect(failed?.status).toBe('failed');
    expect(failed?.metadata).toMatchObject({ error: 'the agent broke', worker_id: w.workerId });
    expect((await store.getRollout(bad?.rollout_id as string))?.status).toBe('failed');
    const spans = await store.querySpans(bad?.rollout_id as string);
    expect(spanNamed(spans, ROOT_SPAN_NAME).status.status_code).toBe('ERROR');
    expect(spans.some((s) => s.name === REWARD_SPAN_NAME)).toBe(false);
    expect((await store.getRollout(good?.rollout_id as string))?.status).toBe('succeeded');
    expect(
      events.filter((e) => e.type === 'finished').map((e) => e.type === 'finished' && e.status),
    ).toEqual(['failed', 'succeeded']);
  });

  it('gives the task the resources the rollout names, the latest otherwise, and a proxy_llm URL per attempt', async () => {
    const named = await store.addResources({
      main_llm: {
        resource_type: 'proxy_llm',
        endpoint: 'http://127.0.0.1:9/v1/',
        model: 'policy-model',
        sampling_parameters: { temperature: 0.7 },
      },
      system_prompt: {
        resource_type: 'prompt_template',
        template: 'Analyse {text}',
        engine: 'f-string',
      },
    });
    const latest = await store.addResources({
      main_llm: { resource_type: 'llm', endpoint: 'http://127.0.0.1:9/v1', model: 'latest-model' },
    });
    const [withId, withoutId, missing] = await enqueue(store, [1, 2, 3]);
    await store.updateRollout(withId?.rollout_id as string, { resources_id: named.resources_id });
    await store.updateRollout(withoutId?.rollout_id as string, { resources_id: null });
    await store.updateRollout(missing?.rollout_id as string, { resources_id: 'rs-missing' });
    const seen = new Map<string, RolloutContext>();
    const { worker: w } = worker({
      maxRollouts: 3,
      task: async (ctx) => {
        seen.set(ctx.rollout.rollout_id, ctx);
        return null;
      },
    });
    expect(await w.run()).toMatchObject({ succeeded: 2, failed: 1 });

    const first = seen.get(withId?.rollout_id as string);
    expect(first?.resources?.resources_id).toBe(named.resources_id);
    expect(first?.llm()).toEqual({
      name: 'main_llm',
      kind: 'proxy_llm',
      baseUrl: `http://127.0.0.1:9/rollout/${withId?.rollout_id}/attempt/${first?.attempt.attempt_id}/v1`,
      model: 'policy-model',
      apiKey: null,
      samplingParameters: { temperature: 0.7 },
    });
    const second = seen.get(withoutId?.rollout_id as string);
    expect(second?.resources?.resources_id).toBe(latest.resources_id);
    expect(second?.llm()?.baseUrl).toBe('http://127.0.0.1:9/v1');
    expect(seen.has(missing?.rollout_id as string)).toBe(false);
    const [attempt] = await store.queryAttempts(missing?.rollout_id as string);
    expect(attempt?.status).toBe('failed');
    expect(String(attempt?.metadata?.error)).toContain('rs-missing');
  });

  it('keeps a run longer than unresponsive_seconds alive with attempt heartbeats', async () => {
    // AGL 0.3 checks health at most every 10 s, so the run must outlast one check.
    const runMs = version === '0.2.2' ? 3_000 : 11_500;
    const [rollout] = await enqueue(store, ['slow'], {
      config: { unresponsive_seconds: 1, max_attempts: 1, retry_condition: ['unresponsive'] },
    });
    const seen = new Set<string>();
    const { worker: w } = worker({
      maxRollouts: 1,
      task: async () => {
        // No spans reach AGL until the end: only heartbeats say the run is alive.
        const until = Date.now() + runMs;
        while (Date.now() < until) {
          // Reading lets AGL run its health check; the final status would hide what it decided.
          const current = await store.getRollout(rollout?.rollout_id as string);
          const attempt = await store.getLatestAttempt(rollout?.rollout_id as string);
          seen.add(`${current?.status}/${attempt?.status}`);
          await sleep(200);
        }
        return 1;
      },
    });
    expect(await w.run()).toMatchObject({ succeeded: 1 });
    expect([...seen].filter((s) => /unresponsive|failed|requeuing/.test(s))).toEqual([]);
    const attempts = await store.queryAttempts(rollout?.rollout_id as string);
    expect(attempts.map((a) => a.status)).toEqual(['succeeded']);
    expect((await store.getRollout(rollout?.rollout_id as string))?.status).toBe('succeeded');
  }, 40_000);

  it('drains on stop(): the run in progress finishes, nothing new is taken', async () => {
    const [first, second] = await enqueue(store, ['a', 'b']);
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { worker: w, events } = worker({
      task: async () => {
        started();
        await released;
        await fakeAgentRun('draining');
        return 0.5;
      },
    });
    const done = w.run();
    await running;
    const stopped = w.stop();
    expect(w.stopping).toBe(true);
    release();
    expect(await stopped).toMatchObject({ dequeued: 1, succeeded: 1, rewards: 1 });
    expect(await done).toEqual(await stopped);
    expect((await store.getRollout(first?.rollout_id as string))?.status).toBe('succeeded');
    expect((await store.getRollout(second?.rollout_id as string))?.status).toBe('queuing');
    expect(events.map((e) => e.type)).toEqual([
      'started',
      'dequeued',
      'draining',
      'finished',
      'stopped',
    ]);
  });

  it('aborts a run that outlasts the drain timeout and fails its attempt', async () => {
    const [rollout] = await enqueue(store, ['stuck']);
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const { worker: w } = worker({
      drainTimeoutMs: 100,
      task: async ({ signal }) => {
        started();
        await new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
        return 1;
      },
    });
    const done = w.run();
    await running;
    expect(await w.stop()).toMatchObject({ failed: 1 });
    await done;
    const [attempt] = await store.queryAttempts(rollout?.rollout_id as string);
    expect(attempt?.status).toBe('failed');
    expect(String(attempt?.metadata?.error)).toContain('drain timeout');
  });

  it('finishes the attempt itself when an aborted task ignores the signal', async () => {
    const [rollout] = await enqueue(store, ['deaf']);
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release!: () => void;
    const ignored = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { worker: w, events } = worker({
      drainTimeoutMs: 50,
      abortGraceMs: 50,
      task: async () => {
        started();
        await ignored;
        return 1;
      },
    });
    const done = w.run();
    await running;
    expect(await w.stop()).toMatchObject({ failed: 1, succeeded: 0 });
    await done;
    const [attempt] = await store.queryAttempts(rollout?.rollout_id as string);
    expect(attempt?.status).toBe('failed');
    // The task ends later: its result is dropped, the attempt stays failed.
    expect(w.stats.active).toBe(1);
    release();
    await eventually(async () => expect(w.stats.active).toBe(0));
    expect((await store.queryAttempts(rollout?.rollout_id as string))[0]?.status).toBe('failed');
    expect(events.filter((e) => e.type === 'finished')).toHaveLength(1);
    const spans = await store.querySpans(rollout?.rollout_id as string);
    expect(spans.some((s) => s.name === REWARD_SPAN_NAME)).toBe(false);
  });

  it('shares a rollout budget between workers and keeps polling through store errors', async () => {
    await enqueue(store, [1, 2, 3, 4, 5]);
    const budget = new RolloutBudget(3);
    let failuresLeft = 2;
    // The first dequeues fail as if the store were briefly unreachable.
    const flaky = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'dequeueRollout') {
          return async (options: { workerId?: string }) => {
            if (failuresLeft > 0) {
              failuresLeft -= 1;
              throw new Error('connection refused');
            }
            return target.dequeueRollout(options);
          };
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const a = worker({ store: flaky, maxRollouts: budget, task: async () => 1 });
    const b = worker({ store: flaky, maxRollouts: budget, task: async () => 1 });
    const [statsA, statsB] = await Promise.all([a.worker.run(), b.worker.run()]);
    expect(statsA.dequeued + statsB.dequeued).toBe(3);
    expect(statsA.succeeded + statsB.succeeded).toBe(3);
    const warnings = [...a.events, ...b.events].filter((e) => e.type === 'warning');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]?.type === 'warning' && warnings[0].message).toContain('connection refused');
    expect((await store.queryRollouts({ status: ['queuing'] })).total).toBe(2);
  });

  // AGL 0.2 has no worker registry: there the worker runs without one and without complaint.
  it('sends worker heartbeats with its counters where AGL has a worker registry', async () => {
    if (!store.capabilities.workers) {
      await enqueue(store, ['w']);
      const run = worker({ maxRollouts: 1, task: async () => 1 });
      await run.worker.run();
      expect(run.events.filter((event) => event.type === 'warning')).toEqual([]);
      return;
    }
    await enqueue(store, ['w']);
    const { worker: w } = worker({ maxRollouts: 1, task: async () => 1 });
    await w.run();
    const { api, close } = createLowLevelClient(server.url, '0.3');
    try {
      const { data } = await api.GET('/v1/agl/workers/{worker_id}', {
        params: { path: { worker_id: w.workerId } },
      });
      expect(data?.worker_id).toBe(w.workerId);
      expect(data?.last_heartbeat_time).toBeGreaterThan(0);
      expect(data?.heartbeat_stats).toMatchObject({ concurrency: 1 });
      expect(data?.status).toBe('idle');
    } finally {
      await close();
    }
  });
});
