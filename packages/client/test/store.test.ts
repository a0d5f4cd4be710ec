// Every AglStore operation against both real server versions.
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AglStore,
  type AttemptedRollout,
  connect,
  createLowLevelClient,
  isAglError,
  ROLLOUT_STATUSES,
  type Span,
} from '../src/index.ts';
import { encodeTraceRequest } from './support/otlp-bytes.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function spanFor(
  rollout: AttemptedRollout,
  sequenceId: number,
  spanId: string,
  name = 'step',
): Span {
  return {
    rollout_id: rollout.rollout_id,
    attempt_id: rollout.attempt.attempt_id,
    sequence_id: sequenceId,
    trace_id: TRACE_ID,
    span_id: spanId,
    parent_id: null,
    name,
    status: { status_code: 'OK', description: null },
    attributes: { 'agent.name': 'calc', tokens: [1, 2, 3], ok: true },
    events: [{ name: 'event', attributes: { n: 1 }, timestamp: 1700000000.25 }],
    links: [],
    start_time: 1700000000 + sequenceId,
    end_time: 1700000000.5 + sequenceId,
    context: { trace_id: TRACE_ID, span_id: spanId, is_remote: false, trace_state: {} },
    parent: null,
    resource: { attributes: { 'service.name': 'test' }, schema_url: '' },
  };
}

describe.each(['0.2.2', '0.3.0'] as const)('AglStore against agl store %s', (version) => {
  const server = useAglStore(version);
  const dialect = version === '0.2.2' ? '0.2' : '0.3';
  let store: AglStore;

  beforeAll(async () => {
    store = await connect(server.url);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('detects the dialect and reports health', async () => {
    expect(store.dialect).toBe(dialect);
    expect(store.baseUrl).toBe(server.url);
    expect(store.capabilities).toEqual({
      otlpTraces: dialect === '0.3',
      serverPaging: dialect === '0.3',
      workers: dialect === '0.3',
      statistics: dialect === '0.3',
    });
    const health = await store.health();
    expect(health.dialect).toBe(dialect);
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('starts a rollout with its first attempt and reads it back', async () => {
    const rollout = await store.startRollout({
      input: { question: '2+2' },
      mode: 'train',
      metadata: { source: 'test' },
      config: { max_attempts: 2, retry_condition: ['failed'] },
      worker_id: 'worker-1',
    });
    expect(rollout).toMatchObject({
      input: { question: '2+2' },
      mode: 'train',
      status: 'preparing',
      metadata: { source: 'test' },
      config: { max_attempts: 2, retry_condition: ['failed'], timeout_seconds: null },
      attempt: {
        rollout_id: rollout.rollout_id,
        sequence_id: 1,
        status: 'preparing',
        worker_id: 'worker-1',
      },
    });
    expect(rollout.rollout_id).toMatch(/^ro-[0-9a-f]{12}$/);
    expect(rollout.attempt.attempt_id).toMatch(/^at-[0-9a-f]{8}$/);

    const read = await store.getRollout(rollout.rollout_id);
    expect(read).toMatchObject({
      rollout_id: rollout.rollout_id,
      status: 'preparing',
      mode: 'train',
    });
    expect(await store.getRollout('ro-does-not-exist')).toBeNull();
  });

  it('enqueues and dequeues in FIFO order, recording the worker', async () => {
    const queued = await store.enqueueRollouts([
      { input: 'first', mode: 'val' },
      { input: 'second', metadata: { n: 2 } },
    ]);
    expect(queued.map((r) => [r.input, r.status])).toEqual([
      ['first', 'queuing'],
      ['second', 'queuing'],
    ]);
    expect(await store.enqueueRollouts([])).toEqual([]);

    const first = await store.dequeueRollout({ workerId: 'worker-7' });
    expect(first).toMatchObject({
      rollout_id: queued[0]?.rollout_id,
      status: 'preparing',
      attempt: { sequence_id: 1, worker_id: 'worker-7' },
    });
    const second = await store.dequeueRollout();
    expect(second?.rollout_id).toBe(queued[1]?.rollout_id);
    expect(await store.dequeueRollout()).toBeNull();
  });

  it('starts further attempts and lists them', async () => {
    const rollout = await store.startRollout({ input: null });
    const again = await store.startAttempt(rollout.rollout_id, { workerId: 'worker-2' });
    expect(again.attempt).toMatchObject({ sequence_id: 2, worker_id: 'worker-2' });
    expect(again.attempt.attempt_id).not.toBe(rollout.attempt.attempt_id);

    const attempts = await store.queryAttempts(rollout.rollout_id);
    expect(attempts.map((attempt) => attempt.sequence_id)).toEqual([1, 2]);
    expect((await store.getLatestAttempt(rollout.rollout_id))?.attempt_id).toBe(
      again.attempt.attempt_id,
    );
    expect(await store.queryAttempts('ro-does-not-exist')).toEqual([]);
    expect(await store.getLatestAttempt('ro-does-not-exist')).toBeNull();
  });

  it('issues per-rollout sequence ids and stores spans', async () => {
    const rollout = await store.startRollout({ input: 'spans' });
    const other = await store.startAttempt(rollout.rollout_id);
    const first = await store.nextSequenceId(rollout.rollout_id, rollout.attempt.attempt_id);
    // The counter belongs to the rollout: another attempt continues it.
    const second = await store.nextSequenceId(rollout.rollout_id, other.attempt.attempt_id);
    expect(second).toBe(first + 1);

    const stored = await store.addSpan(spanFor(rollout, first, '00f067aa0ba902b7', 'agent.run'));
    expect(stored).toMatchObject({
      span_id: '00f067aa0ba902b7',
      sequence_id: first,
      name: 'agent.run',
    });

    const many = await store.addSpans([
      spanFor(rollout, 5, '00f067aa0ba902c5'),
      spanFor(rollout, 3, '00f067aa0ba902c3'),
      spanFor(rollout, 4, '00f067aa0ba902c4'),
    ]);
    expect(many.map((span) => span?.span_id)).toEqual([
      '00f067aa0ba902c5',
      '00f067aa0ba902c3',
      '00f067aa0ba902c4',
    ]);
    // Adding a span raises the counter past its sequence id.
    expect(await store.nextSequenceId(rollout.rollout_id, rollout.attempt.attempt_id)).toBe(6);

    const spans = await store.querySpans(rollout.rollout_id);
    expect(spans.map((span) => span.sequence_id)).toEqual([first, 3, 4, 5]);
    expect(spans[0]).toMatchObject({
      attributes: { 'agent.name': 'calc', tokens: [1, 2, 3], ok: true },
      events: [{ name: 'event', attributes: { n: 1 }, timestamp: 1700000000.25 }],
      status: { status_code: 'OK', description: null },
      resource: { attributes: { 'service.name': 'test' }, schema_url: '' },
    });
    const byAttempt = await store.querySpans(rollout.rollout_id, {
      attemptId: rollout.attempt.attempt_id,
    });
    expect(byAttempt).toHaveLength(4);
    expect(
      await store.querySpans(rollout.rollout_id, { attemptId: other.attempt.attempt_id }),
    ).toEqual([]);
    expect(await store.querySpans('ro-does-not-exist')).toEqual([]);
  });

  it(
    dialect === '0.3'
      ? 'reports a duplicate span as null (0.3 de-duplicates)'
      : 'stores a duplicate span again (0.2 does not de-duplicate)',
    async () => {
      const rollout = await store.startRollout({ input: 'dup' });
      const span = spanFor(rollout, 1, '00f067aa0ba90200');
      await store.addSpan(span);
      const again = await store.addSpan(span);
      const spans = await store.querySpans(rollout.rollout_id);
      if (dialect === '0.3') {
        expect(again).toBeNull();
        expect(spans).toHaveLength(1);
      } else {
        expect(again?.span_id).toBe(span.span_id);
        expect(spans).toHaveLength(2);
      }
    },
  );

  it('updates an attempt and the rollout follows', async () => {
    const rollout = await store.startRollout({ input: 'finish' });
    const running = await store.updateAttempt(rollout.rollout_id, rollout.attempt.attempt_id, {
      status: 'running',
      worker_id: 'worker-3',
      last_heartbeat_time: 1700000000,
      metadata: { step: 1 },
    });
    expect(running).toMatchObject({
      status: 'running',
      worker_id: 'worker-3',
      last_heartbeat_time: 1700000000,
      metadata: { step: 1 },
    });
    const done = await store.updateAttempt(rollout.rollout_id, 'latest', { status: 'succeeded' });
    expect(done.status).toBe('succeeded');
    expect(done.end_time).not.toBeNull();
    expect((await store.getRollout(rollout.rollout_id))?.status).toBe('succeeded');
  });

  it('updates a rollout: omitted keys stay, null clears where allowed, config is replaced', async () => {
    const rollout = await store.startRollout({
      input: 'update',
      mode: 'train',
      metadata: { keep: true },
      config: { timeout_seconds: 60 },
    });
    const updated = await store.updateRollout(rollout.rollout_id, {
      mode: null,
      config: { max_attempts: 3 },
    });
    expect(updated).toMatchObject({
      input: 'update',
      mode: null,
      metadata: { keep: true },
      config: { max_attempts: 3, timeout_seconds: null, retry_condition: [] },
    });
    const cleared = await store.updateRollout(rollout.rollout_id, {
      metadata: {},
      status: 'cancelled',
      input: { replaced: true },
    });
    expect(cleared).toMatchObject({ metadata: {}, status: 'cancelled', input: { replaced: true } });
    expect(cleared.end_time).not.toBeNull();
  });

  it('queries rollouts with filters and paging', async () => {
    const tag = `q${Date.now().toString(16)}`;
    const made: AttemptedRollout[] = [];
    for (let index = 0; index < 3; index++)
      made.push(await store.startRollout({ input: `${tag}-${index}` }));
    await store.updateRollout(made[1]?.rollout_id ?? '', { status: 'failed' });
    const ids = made.map((rollout) => rollout.rollout_id);

    const all = await store.queryRollouts({ rolloutIds: ids });
    expect(all.total).toBe(3);
    expect(all.items.map((rollout) => rollout.rollout_id).sort()).toEqual([...ids].sort());

    const failed = await store.queryRollouts({ rolloutIds: ids, status: ['failed'] });
    expect(failed.items.map((rollout) => rollout.rollout_id)).toEqual([ids[1]]);

    const page = await store.queryRollouts({
      rolloutIds: ids,
      sortBy: 'start_time',
      sortOrder: 'desc',
      limit: 2,
      offset: 1,
    });
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.items.map((rollout) => rollout.rollout_id)).toEqual([ids[1], ids[0]]);

    const one = ids[2] ?? '';
    const contains = await store.queryRollouts({ rolloutIdContains: one.slice(3) });
    expect(contains.items.map((rollout) => rollout.rollout_id)).toEqual([one]);

    expect(await store.queryRollouts({ status: [] })).toEqual({
      items: [],
      total: 0,
      limit: -1,
      offset: 0,
    });
  });

  it('waits for rollouts: finished ones come back, others do not', async () => {
    const finished = await store.startRollout({ input: 'wait-a' });
    const pending = await store.startRollout({ input: 'wait-b' });
    await store.updateRollout(finished.rollout_id, { status: 'succeeded' });
    const done = await store.waitForRollouts([finished.rollout_id, pending.rollout_id], 0);
    expect(done.map((rollout) => rollout.rollout_id)).toEqual([finished.rollout_id]);
    expect(await store.waitForRollouts([], 0)).toEqual([]);
  });

  it('adds, updates and reads resources', async () => {
    const added = await store.addResources({
      main_llm: { resource_type: 'llm', endpoint: 'http://127.0.0.1:9/v1', model: 'qwen' },
    });
    expect(added.resources_id).toMatch(/^rs-[0-9a-f]{12}$/);
    expect(added.resources.main_llm).toMatchObject({ resource_type: 'llm', model: 'qwen' });

    const updated = await store.updateResources(added.resources_id, {
      main_llm: { resource_type: 'proxy_llm', endpoint: 'http://127.0.0.1:9/v1', model: 'qwen-2' },
      prompt: { resource_type: 'prompt_template', template: 'Q: {q}', engine: 'f-string' },
    });
    expect(Object.keys(updated.resources).sort()).toEqual(['main_llm', 'prompt']);
    if (dialect === '0.3') expect(updated.version).toBe(2);

    expect((await store.getResources(added.resources_id))?.resources.main_llm).toMatchObject({
      model: 'qwen-2',
    });
    expect((await store.getLatestResources())?.resources_id).toBe(added.resources_id);
    expect(await store.getResources('rs-does-not-exist')).toBeNull();

    // New rollouts pick up the latest resources.
    expect((await store.startRollout({ input: 'res' })).resources_id).toBe(added.resources_id);
  });

  it(dialect === '0.3' ? 'records worker heartbeats' : 'has no worker registry', async () => {
    if (dialect === '0.3') {
      const worker = await store.updateWorker('worker-9', { cpu: 0.5 });
      expect(worker).toMatchObject({ worker_id: 'worker-9', heartbeat_stats: { cpu: 0.5 } });
      expect(worker.last_heartbeat_time).not.toBeNull();
    } else {
      await expect(store.updateWorker('worker-9')).rejects.toSatisfy(
        (error) => isAglError(error, 'invalid_request') && /no worker registry/.test(error.message),
      );
    }
  });

  it(
    dialect === '0.3' ? 'ingests OTLP protobuf traces' : 'refuses OTLP traces clearly',
    async () => {
      const rollout = await store.startRollout({ input: 'otlp' });
      const body = encodeTraceRequest({
        rolloutId: rollout.rollout_id,
        attemptId: rollout.attempt.attempt_id,
        traceId: TRACE_ID,
        spanId: '00f067aa0ba90301',
        name: 'otlp.span',
        startNs: 1_700_000_000_000_000_000n,
        endNs: 1_700_000_001_000_000_000n,
      });
      if (dialect === '0.3') {
        await store.exportOtlpTraces(body);
        const spans = await store.querySpans(rollout.rollout_id);
        expect(spans).toHaveLength(1);
        expect(spans[0]).toMatchObject({
          name: 'otlp.span',
          span_id: '00f067aa0ba90301',
          trace_id: TRACE_ID,
          start_time: 1700000000,
          end_time: 1700000001,
        });
      } else {
        await expect(store.exportOtlpTraces(body)).rejects.toSatisfy(
          (error) =>
            isAglError(error, 'invalid_request') && /no \/v1\/traces route/.test(error.message),
        );
      }
    },
  );

  it('reports statistics consistent with the rollouts', async () => {
    const stats = await store.statistics();
    const everything = await store.queryRollouts();
    expect(stats.totalRollouts).toBe(everything.total);
    const byStatus = Object.fromEntries(ROLLOUT_STATUSES.map((status) => [status, 0]));
    for (const rollout of everything.items)
      byStatus[rollout.status] = (byStatus[rollout.status] ?? 0) + 1;
    expect(stats.rolloutsByStatus).toEqual(byStatus);
    if (dialect === '0.3') {
      // Every rollout here got at least one attempt, except queued ones never dequeued.
      const attempted = everything.items.filter((rollout) => rollout.status !== 'queuing').length;
      expect(stats.totalAttempts).toBeGreaterThanOrEqual(attempted);
      expect(stats.totalSpans).toBeGreaterThan(0);
      expect(stats.totalResources).toBeGreaterThanOrEqual(1);
      expect(stats.totalWorkers).toBeGreaterThanOrEqual(1);
      expect(stats.uptimeSeconds).toBeGreaterThan(0);
    } else {
      expect(stats).toMatchObject({
        totalAttempts: null,
        totalSpans: null,
        totalResources: null,
        totalWorkers: null,
        uptimeSeconds: null,
      });
    }
  });

  it('offers a typed low-level client for every route of the dialect', async () => {
    const rollout = await store.startRollout({ input: 'low-level' });
    if (dialect === '0.3') {
      const { api, close } = createLowLevelClient(server.url, '0.3');
      const { data, response } = await api.GET('/v1/agl/rollouts', {
        params: { query: { rollout_id_in: [rollout.rollout_id], limit: 1 } },
      });
      expect(response.status).toBe(200);
      expect(data?.items.map((item) => item.rollout_id)).toEqual([rollout.rollout_id]);
      const created = await api.POST('/v1/agl/rollouts', { body: { input: 1 } });
      expect(created.response.status).toBe(201);
      await expect(
        api.POST('/v1/agl/rollouts/{rollout_id}/attempts', {
          params: { path: { rollout_id: 'ro-nope' } },
        }),
      ).rejects.toSatisfy((error) => isAglError(error, 'not_found'));
      await close();
    } else {
      const { api, close } = createLowLevelClient(server.url, '0.2');
      const { data } = await api.POST('/query_rollouts', {
        body: { rollout_ids: [rollout.rollout_id] },
      });
      expect(data?.map((item) => item.rollout_id)).toEqual([rollout.rollout_id]);
      const next = await api.GET('/get_next_span_sequence_id/{rollout_id}/{attempt_id}', {
        params: {
          path: { rollout_id: rollout.rollout_id, attempt_id: rollout.attempt.attempt_id },
        },
      });
      expect(next.data).toBe(1);
      await expect(
        api.POST('/start_attempt', { body: { rollout_id: 'ro-nope' } }),
      ).rejects.toSatisfy((error) => isAglError(error, 'not_found'));
      await close();
    }
  });
});
