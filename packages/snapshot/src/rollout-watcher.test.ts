import type { AglStore } from '@agl/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type RolloutChange,
  RolloutWatcher,
  type RolloutWatcherEvents,
} from './rollout-watcher.ts';
import { StoreConnection } from './store-connection.ts';
import { makeSpan } from './testing/builders.ts';
import { FakeAglStore } from './testing/fake-store.ts';
import { seedRollout } from './testing/seed.ts';

type Recorded = {
  [K in keyof RolloutWatcherEvents]: { event: K; args: RolloutWatcherEvents[K] };
}[keyof RolloutWatcherEvents];

function record(watcher: RolloutWatcher): Recorded[] {
  const events: Recorded[] = [];
  for (const event of ['change', 'sample', 'unreachable', 'reachable', 'reset'] as const) {
    watcher.on(event, (...args: unknown[]) => events.push({ event, args } as Recorded));
  }
  return events;
}

function changes(events: Recorded[]): Array<[RolloutChange['type'], string, string]> {
  return events.flatMap((entry) =>
    entry.event === 'change'
      ? [[entry.args[0].type, entry.args[0].rollout.rolloutId, entry.args[0].rollout.status]]
      : [],
  );
}

const watchers: RolloutWatcher[] = [];
function watch(source: AglStore | StoreConnection, options = {}) {
  let clock = 0;
  const watcher = new RolloutWatcher(source, { now: () => (clock += 1000), ...options });
  watchers.push(watcher);
  return watcher;
}
afterEach(async () => {
  await Promise.all(watchers.splice(0).map((watcher) => watcher.stop()));
});

describe.each(['0.2', '0.3'] as const)('RolloutWatcher on a %s store', (dialect) => {
  it('stays quiet about what existed before, then reports new and changed rollouts', async () => {
    const store = new FakeAglStore({ dialect });
    await seedRollout(store, { status: 'succeeded' });
    const watcher = watch(store);
    const events = record(watcher);
    await watcher.pollOnce();
    expect(events.map((entry) => entry.event)).toEqual(['reachable']);

    const queued = await seedRollout(store, { status: 'queuing' });
    const running = await seedRollout(store, { status: 'running', agent: 'calc' });
    await watcher.pollOnce();
    expect(changes(events)).toEqual(
      expect.arrayContaining([
        ['added', queued.rolloutId, 'queuing'],
        ['added', running.rolloutId, 'running'],
      ]),
    );
    expect(changes(events)).toHaveLength(2);

    events.length = 0;
    await watcher.pollOnce();
    expect(changes(events)).toEqual([]);

    await store.updateAttempt(running.rolloutId, running.attemptId as string, {
      status: 'succeeded',
    });
    await watcher.pollOnce();
    expect(changes(events)).toEqual([['updated', running.rolloutId, 'succeeded']]);
  });

  it('reports a running rollout again when its spans change', async () => {
    const store = new FakeAglStore({ dialect });
    const running = await seedRollout(store, { status: 'running' });
    const watcher = watch(store);
    const events = record(watcher);
    await watcher.pollOnce();
    await store.addSpan(
      makeSpan({
        rollout_id: running.rolloutId,
        attempt_id: running.attemptId as string,
        sequence_id: 10,
        name: 'agentlightning.reward',
        attributes: { reward: 0.75 },
      }),
    );
    await watcher.pollOnce();
    const [update] = events.filter((entry) => entry.event === 'change');
    expect(update?.args[0]).toMatchObject({
      type: 'updated',
      rollout: { rolloutId: running.rolloutId, spanCount: 3, reward: 0.75 },
    });
  });

  it('samples spans per second and finished rollouts per minute', async () => {
    const store = new FakeAglStore({ dialect });
    const watcher = watch(store); // the clock advances one second per reading
    const events = record(watcher);
    await watcher.pollOnce();
    await seedRollout(store, { status: 'succeeded', reward: 1 });
    await seedRollout(store, { status: 'running' });
    await watcher.pollOnce();
    const samples = events
      .filter((entry) => entry.event === 'sample')
      .map((entry) => entry.args[0]);
    expect(samples).toHaveLength(1);
    expect(samples[0]?.spansPerSecond).toBeGreaterThan(0);
    expect(samples[0]?.rolloutsPerMinute).toBeGreaterThan(0);
    expect(watcher.throughput).toEqual(samples);
  });

  it('reports unreachable once, backs off, and reports reachable when the store returns', async () => {
    const store = new FakeAglStore({ dialect });
    const watcher = watch(store);
    const events = record(watcher);
    await watcher.pollOnce();
    store.down = true;
    await watcher.pollOnce();
    await watcher.pollOnce();
    expect(events.map((entry) => entry.event)).toEqual(['reachable', 'unreachable']);
    expect(watcher.reachable).toBe(false);
    const unreachable = events[1];
    expect(unreachable?.event === 'unreachable' && unreachable.args[0].hint).toContain(
      'agl:server',
    );

    store.down = false;
    const added = await seedRollout(store, { status: 'queuing' });
    await watcher.pollOnce();
    // Back after a gap: the watcher starts over instead of guessing what it missed.
    expect(events.map((entry) => entry.event)).toEqual(['reachable', 'unreachable', 'reachable']);
    await seedRollout(store, { status: 'queuing' });
    await watcher.pollOnce();
    expect(changes(events).map(([, id]) => id)).not.toContain(added.rolloutId);
    expect(changes(events)).toHaveLength(1);
  });

  it('notices a store that was replaced between two polls', async () => {
    let current = new FakeAglStore({ dialect });
    await seedRollout(current, { status: 'running' });
    const connection = new StoreConnection('http://127.0.0.1:4747', async () => current);
    const watcher = watch(connection);
    const events = record(watcher);
    await watcher.pollOnce();
    current = new FakeAglStore({ dialect });
    await connection.reset();
    await watcher.pollOnce();
    expect(events.map((entry) => entry.event)).toEqual(['reachable', 'reset']);
  });
});

describe('RolloutWatcher on a paging (0.3) store', () => {
  it('finds every new rollout even when more arrive than fit one page', async () => {
    const store = new FakeAglStore({ dialect: '0.3' });
    await seedRollout(store, { status: 'succeeded' });
    const watcher = watch(store, { pageSize: 2 });
    const events = record(watcher);
    await watcher.pollOnce();
    const added = [];
    for (let i = 0; i < 5; i += 1)
      added.push((await seedRollout(store, { status: 'succeeded' })).rolloutId);
    await watcher.pollOnce();
    expect(
      changes(events)
        .map(([, id]) => id)
        .sort(),
    ).toEqual(added.sort());
  });

  it('follows a rollout that finished after it left the newest page', async () => {
    const store = new FakeAglStore({ dialect: '0.3' });
    const running = await seedRollout(store, { status: 'running' });
    for (let i = 0; i < 4; i += 1) await seedRollout(store, { status: 'succeeded' });
    const watcher = watch(store, { pageSize: 2 });
    const events = record(watcher);
    await watcher.pollOnce();
    await store.updateAttempt(running.rolloutId, running.attemptId as string, { status: 'failed' });
    await watcher.pollOnce();
    expect(changes(events)).toEqual([['updated', running.rolloutId, 'failed']]);
  });

  it('does not re-read old finished rollouts on every poll', async () => {
    const store = new FakeAglStore({ dialect: '0.3' });
    for (let i = 0; i < 20; i += 1) await seedRollout(store, { status: 'succeeded' });
    const watcher = watch(store, { pageSize: 5 });
    await watcher.pollOnce();
    store.resetCounts();
    await watcher.pollOnce();
    expect(store.count('querySpans')).toBe(0);
    expect(store.count('queryRollouts')).toBe(2); // newest page + unfinished ones
  });
});

describe('RolloutWatcher loop', () => {
  it('polls on its own until stopped', async () => {
    const store = new FakeAglStore();
    const watcher = new RolloutWatcher(store, { intervalMs: 10 });
    watchers.push(watcher);
    const reachable = new Promise((resolve) => watcher.once('reachable', resolve));
    watcher.start();
    await reachable;
    const added = new Promise<RolloutChange>((resolve) => watcher.once('change', resolve));
    const seeded = await seedRollout(store, { status: 'queuing' });
    expect((await added).rollout.rolloutId).toBe(seeded.rolloutId);
    await watcher.stop();
    const calls = store.count('queryRollouts');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(store.count('queryRollouts')).toBe(calls);
  });

  it('rejects nonsensical intervals', () => {
    expect(() => new RolloutWatcher(new FakeAglStore(), { intervalMs: 0 })).toThrow(/intervalMs/);
  });
});
