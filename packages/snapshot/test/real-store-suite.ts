import { type AglStore, connect } from '@agl/client';
import type { AglStoreProcess } from '@agl/testkit';
import { freePort } from '@agl/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  collectSnapshot,
  describeUnreachable,
  getRolloutDetail,
  type RolloutChange,
  RolloutWatcher,
  StoreConnection,
  SummaryCache,
} from '../src/index.ts';
import { type SeededRollout, seedRollout } from '../src/testing/seed.ts';

/** The same checks against a real `agl store` of each version. */
export function realStoreSuite(server: AglStoreProcess): void {
  let store: AglStore;
  const seeded: Record<string, SeededRollout> = {};

  beforeAll(async () => {
    store = await connect(server.url);
    seeded.succeeded = await seedRollout(store, {
      status: 'succeeded',
      agent: 'calc',
      reward: 0.75,
      tokens: [120, 30],
    });
    seeded.failed = await seedRollout(store, {
      status: 'failed',
      error: 'model refused',
      tokens: [50, 0],
    });
    seeded.cancelled = await seedRollout(store, { status: 'cancelled' });
    seeded.running = await seedRollout(store, { status: 'running', metadataAgent: 'writer' });
    seeded.queued = await seedRollout(store, { status: 'queuing' });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('detects the dialect', () => {
    expect(store.dialect).toBe(server.version === '0.2.2' ? '0.2' : '0.3');
  });

  it('collects counts, the newest rollouts with what their spans say, and rewards readiness', async () => {
    const snapshot = await collectSnapshot(store, { recent: 10 });
    expect(snapshot).toMatchObject({
      reachable: true,
      dialect: store.dialect,
      totalRollouts: 5,
      totalSpans: 3 + 2 + 2 + 2,
      byStatus: {
        succeeded: 1,
        failed: 1,
        cancelled: 1,
        running: 1,
        queuing: 1,
        preparing: 0,
        requeuing: 0,
      },
      rewards: { withReward: 1, target: 500, checked: 3, finished: 3 },
    });
    expect(snapshot.latencyMs).toBeGreaterThanOrEqual(0);
    expect(snapshot.recent.map((rollout) => rollout.rolloutId)).toEqual([
      seeded.queued?.rolloutId,
      seeded.running?.rolloutId,
      seeded.cancelled?.rolloutId,
      seeded.failed?.rolloutId,
      seeded.succeeded?.rolloutId,
    ]);
    const byId = new Map(snapshot.recent.map((rollout) => [rollout.rolloutId, rollout]));
    expect(byId.get(seeded.succeeded?.rolloutId ?? '')).toMatchObject({
      agent: 'calc',
      status: 'succeeded',
      mode: 'train',
      attempts: 1,
      spanCount: 3,
      inputTokens: 120,
      outputTokens: 30,
      reward: 0.75,
      error: null,
    });
    expect(byId.get(seeded.failed?.rolloutId ?? '')).toMatchObject({
      status: 'failed',
      error: 'model refused',
      attempts: 1,
    });
    expect(byId.get(seeded.running?.rolloutId ?? '')).toMatchObject({
      agent: 'writer',
      status: 'running',
      endedAt: null,
    });
    expect(byId.get(seeded.queued?.rolloutId ?? '')).toMatchObject({
      status: 'queuing',
      attempts: 0,
      spanCount: 0,
    });
  });

  it('reads finished rollouts once across snapshots that share a cache', async () => {
    const cache = new SummaryCache();
    const first = await collectSnapshot(store, { cache });
    const second = await collectSnapshot(store, { cache });
    expect(second.recent).toEqual(
      first.recent.map((rollout) =>
        rollout.endedAt === null ? { ...rollout, durationMs: expect.any(Number) } : rollout,
      ),
    );
    expect(cache.size).toBe(3);
  });

  it('returns a rollout with its attempts and span tree, or null for an unknown id', async () => {
    const detail = await getRolloutDetail(store, seeded.succeeded?.rolloutId ?? '');
    expect(detail?.attempts).toHaveLength(1);
    expect(detail?.attempts[0]?.status).toBe('succeeded');
    const [root, ...others] = detail?.tree ?? [];
    expect(others).toEqual([]);
    expect(root?.span.name).toBe('invoke_agent calc');
    expect(root?.offsetMs).toBe(0);
    expect(root?.children.map((child) => child.span.name)).toEqual([
      'chat offline-model',
      'agentlightning.reward',
    ]);
    expect(root?.children[1]?.offsetMs).toBeCloseTo(300, 0);
    expect(await getRolloutDetail(store, 'ro-doesnotexist')).toBeNull();
  });

  it('watches rollouts appear and change', async () => {
    const watcher = new RolloutWatcher(store, { pageSize: 2 });
    const changes: RolloutChange[] = [];
    watcher.on('change', (change) => changes.push(change));
    await watcher.pollOnce();
    expect(watcher.reachable).toBe(true);
    expect(changes).toEqual([]);

    const added = await seedRollout(store, { status: 'running', agent: 'late' });
    await watcher.pollOnce();
    expect(changes.map((change) => [change.type, change.rollout.rolloutId])).toEqual([
      ['added', added.rolloutId],
    ]);

    changes.length = 0;
    await store.updateAttempt(seeded.running?.rolloutId ?? '', seeded.running?.attemptId ?? '', {
      status: 'succeeded',
    });
    await watcher.pollOnce();
    expect(changes).toEqual([
      {
        type: 'updated',
        rollout: expect.objectContaining({
          rolloutId: seeded.running?.rolloutId,
          status: 'succeeded',
        }),
      },
    ]);
    await watcher.stop();
  });

  it('reports an unreachable store and recovers when it is back', async () => {
    const connection = new StoreConnection(server.url, (url) => connect(url));
    const watcher = new RolloutWatcher(connection);
    const events: string[] = [];
    watcher.on('reachable', () => events.push('reachable'));
    watcher.on('unreachable', (snapshot) => events.push(`unreachable: ${snapshot.hint}`));
    await watcher.pollOnce();
    await server.kill();
    await watcher.pollOnce();
    await server.start();
    await watcher.pollOnce();
    expect(events).toEqual([
      'reachable',
      expect.stringContaining('unreachable: Start a store'),
      'reachable',
    ]);
    await watcher.stop();
    await connection.reset();
  });

  it('explains a store that is not there', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const error = await connect(nowhere).catch((caught: unknown) => caught);
    const unreachable = describeUnreachable(nowhere, error);
    expect(unreachable.reason).toContain(nowhere);
    expect(unreachable.hint).toContain('pnpm agl:server');
  });
}
