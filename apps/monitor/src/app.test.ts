import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ENDPOINT,
  ManualFeed,
  NOW,
  sampleDetail,
  sampleRollouts,
  snapshot,
  summary,
  throughput,
} from '../test/fixtures.ts';
import { KEYS, plain, tick, waitFor } from '../test/ink-helpers.ts';
import { App } from './app.ts';
import { h } from './h.ts';

const SIZE = { columns: 100, rows: 24 };
const clock = () => NOW;

function mount(feed: ManualFeed, size = SIZE) {
  const instance = render(h(App, { feed, size, clock, renderThrottleMs: 0, tickMs: 60_000 }));
  const frame = () => plain(instance.lastFrame());
  const until = (accept: (text: string) => boolean) => waitFor(frame, accept);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      instance.stdin.write(key);
      await tick();
    }
  };
  return { instance, frame, until, press };
}

function selectedLine(frame: string): string | undefined {
  return frame.split('\n').find((line) => line.startsWith('› '));
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('App list view', () => {
  it('draws the header, the rollout table and the key hints', async () => {
    const feed = new ManualFeed({
      snapshot: snapshot(sampleRollouts()),
      throughput: throughput([0, 1, 2, 4, 8]),
    });
    const { instance, until } = mount(feed);
    unmount = instance.unmount;
    const text = await until((t) => t.includes('ro-0000000fail1'));
    expect(text).toContain(`AGL monitor  ${ENDPOINT}  AGL 0.3  ● up 3ms`);
    expect(text).toContain(
      'rollouts 3  running 1  queued 0  succeeded 1  failed 1  cancelled 0  spans 11',
    );
    expect(text).toMatch(/spans\/s +▁▂▃▅█ 8 +rollouts\/min +▁▂▃▅█ 16/);
    expect(text).toContain('1/500 rollouts with rewards (0%)');
    expect(text).toMatch(/ROLLOUT +AGENT +STATUS +STARTED +DURATION +SPANS +TOKENS +REWARD/);
    expect(text).toMatch(/› ro-00000000run1 +planner +running +12s ago +12s +3 +200\/- +-/);
    expect(text).toMatch(
      / {2}ro-00000000ok01 +weather-agent +succeeded +1m ago +4\.2s +6 +1\.2k\/56 +1/,
    );
    expect(text).toMatch(/ {2}ro-0000000fail1 +weather-agent +failed +3m ago +850ms +2 +- +-/);
    expect(text).toContain('↑↓ select  Enter open  f filter: all');
    expect(text.split('\n').length).toBeLessThan(SIZE.rows);
  });

  it('adapts to a narrow terminal: fewer columns, no line wider than the screen', async () => {
    const feed = new ManualFeed({
      snapshot: snapshot(sampleRollouts()),
      throughput: throughput([1, 2]),
    });
    const { instance, until } = mount(feed, { columns: 60, rows: 20 });
    unmount = instance.unmount;
    const text = await until((t) => t.includes('ro-0000000fail1'));
    expect(text).toMatch(/ROLLOUT +STATUS +DURATION +SPANS +REWARD/);
    expect(text).not.toContain('TOKENS');
    expect(text).not.toContain('AGENT');
    for (const line of text.split('\n')) expect(Array.from(line).length).toBeLessThan(60);
    expect(text.split('\n').length).toBeLessThan(20);
  });

  it('says it is connecting before the first snapshot, and waiting when the store is empty', async () => {
    const feed = new ManualFeed();
    const { instance, until } = mount(feed);
    unmount = instance.unmount;
    expect(await until((t) => t.includes('Connecting…'))).toContain('● connecting');
    feed.update({ snapshot: snapshot([]) });
    await until((t) => t.includes('No rollouts yet. Waiting for the first one…'));
  });

  it('ticks the duration of running rollouts with the clock', async () => {
    let now = NOW;
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    const instance = render(
      h(App, { feed, size: SIZE, clock: () => now, renderThrottleMs: 0, tickMs: 20 }),
    );
    unmount = instance.unmount;
    const frame = () => plain(instance.lastFrame());
    await waitFor(frame, (t) => /running +12s ago +12s/.test(t));
    now += 65_000;
    const later = await waitFor(frame, (t) => /running +1m ago +1m17s/.test(t));
    // Finished rollouts keep their recorded duration.
    expect(later).toMatch(/succeeded +2m ago +4\.2s/);
  });

  it('moves the selection with ↑/↓ and keeps it on the same rollout when rows arrive', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    const { instance, until, press, frame } = mount(feed);
    unmount = instance.unmount;
    await until((t) => t.includes('ro-0000000fail1'));
    await press(KEYS.down);
    expect(selectedLine(frame())).toContain('ro-00000000ok01');
    await press(KEYS.down, KEYS.down);
    expect(selectedLine(frame())).toContain('ro-0000000fail1');
    await press(KEYS.up);
    expect(selectedLine(frame())).toContain('ro-00000000ok01');
    feed.update({
      snapshot: snapshot([
        summary({ rolloutId: 'ro-0000000new01', status: 'running', endedAt: null }),
        ...sampleRollouts(),
      ]),
    });
    await until((t) => t.includes('ro-0000000new01'));
    expect(selectedLine(frame())).toContain('ro-00000000ok01');
  });

  it('scrolls the table to keep the selection visible', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      summary({ rolloutId: `ro-${String(i).padStart(12, '0')}` }),
    );
    const feed = new ManualFeed({ snapshot: snapshot(many) });
    const { instance, until, press, frame } = mount(feed);
    unmount = instance.unmount;
    await until((t) => t.includes('ro-000000000000'));
    expect(frame()).not.toContain('ro-000000000030');
    await press(...Array.from({ length: 30 }, () => KEYS.down));
    const text = frame();
    expect(selectedLine(text)).toContain('ro-000000000030');
    expect(text).not.toContain('ro-000000000000');
    expect(text.split('\n').length).toBeLessThan(SIZE.rows);
  });

  it('cycles the status filter with f', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    const { instance, until, press } = mount(feed);
    unmount = instance.unmount;
    await until((t) => t.includes('ro-0000000fail1'));
    await press('f');
    let text = await until((t) => t.includes('f filter: running'));
    expect(text).toContain('ro-00000000run1');
    expect(text).not.toContain('ro-00000000ok01');
    expect(text).toContain('(1 of 3)');
    await press('f', 'f', 'f');
    text = await until((t) => t.includes('f filter: failed'));
    expect(text).toContain('ro-0000000fail1');
    expect(text).not.toContain('ro-00000000run1');
    await press('f');
    text = await until((t) => t.includes('f filter: cancelled'));
    expect(text).toContain('No rollouts match the filter or search.');
    await press('f');
    await until((t) => t.includes('f filter: all') && t.includes('ro-00000000ok01'));
  });

  it('searches by id or agent with /, and Esc clears the search', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    const { instance, until, press, frame } = mount(feed);
    unmount = instance.unmount;
    await until((t) => t.includes('ro-0000000fail1'));
    await press('/', 'p', 'l', 'a', 'n');
    let text = await until((t) => t.includes('/ plan'));
    expect(text).toContain('ro-00000000run1');
    expect(text).not.toContain('ro-00000000ok01');
    // Typed letters go to the search, not to the key bindings ("p" did not pause).
    expect(feed.pauses).toEqual([]);
    await press(
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      'f',
      'a',
      'i',
      'l',
      KEYS.enter,
    );
    text = await until((t) => t.includes('/ "fail"'));
    expect(text).toContain('ro-0000000fail1');
    expect(text).not.toContain('ro-00000000run1');
    await press(KEYS.escape);
    await until((t) => t.includes('/ search') && t.includes('ro-00000000run1'));
    expect(frame()).toContain('ro-00000000ok01');
  });

  it('pauses and resumes polling with p', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    const { instance, until, press } = mount(feed);
    unmount = instance.unmount;
    await until((t) => t.includes('ro-0000000fail1'));
    await press('p');
    await until((t) => t.includes('PAUSED'));
    await press('p');
    await until((t) => !t.includes('PAUSED'));
    expect(feed.pauses).toEqual([true, false]);
  });

  it('shows and hides the help with ?', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    const { instance, until, press } = mount(feed);
    unmount = instance.unmount;
    await until((t) => t.includes('ro-0000000fail1'));
    await press('?');
    const text = await until((t) => t.includes('Keys'));
    expect(text).toContain('cycle the status filter');
    expect(text).not.toContain('ro-0000000fail1');
    await press('?');
    await until((t) => t.includes('ro-0000000fail1'));
  });

  it('quits with q', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    const { instance, until, press } = mount(feed);
    await until((t) => t.includes('ro-0000000fail1'));
    let exited = false;
    // ink-testing-library does not expose waitUntilExit; a quit unmounts, so input is ignored after.
    await press('q');
    const framesAfterQuit = instance.frames.length;
    feed.update({ snapshot: snapshot([]) });
    await tick(50);
    exited = instance.frames.length === framesAfterQuit;
    expect(exited).toBe(true);
  });
});

describe('App rendering', () => {
  it('renders a burst of feed changes a few times, not once per change, ending on the last', async () => {
    const feed = new ManualFeed({ snapshot: snapshot([]) });
    const instance = render(
      h(App, { feed, size: SIZE, clock, renderThrottleMs: 1_000, tickMs: 60_000 }),
    );
    unmount = instance.unmount;
    await waitFor(
      () => plain(instance.lastFrame()),
      (t) => t.includes('Waiting for the first one'),
    );
    const before = instance.frames.length;
    for (let count = 1; count <= 30; count += 1) {
      feed.update({ snapshot: snapshot([], { totalRollouts: count }) });
      await tick(2);
    }
    await waitFor(
      () => plain(instance.lastFrame()),
      (t) => t.includes('rollouts 30 '),
    );
    expect(instance.frames.length - before).toBeLessThanOrEqual(3);
  });
});

describe('App outage banner', () => {
  it('shows the banner over stale data, then hides it when the store is back', async () => {
    const feed = new ManualFeed({
      snapshot: snapshot(sampleRollouts(), { takenAt: NOW - 12_000 }),
      outage: {
        reason: `AGL store at ${ENDPOINT} is unreachable: connection refused`,
        hint: 'Start a store with `pnpm agl:server`, or point to a running one.',
        since: NOW - 9_000,
        failures: 3,
        nextRetryAt: NOW + 4_000,
      },
    });
    const { instance, until } = mount(feed);
    unmount = instance.unmount;
    const text = await until((t) => t.includes('is unreachable'));
    expect(text).toContain(`AGL store at ${ENDPOINT} is unreachable: connection refused`);
    expect(text).toContain('Start a store with `pnpm agl:server`');
    expect(text).toContain(
      'retrying in 4s (3 failed tries, down for 9s) · showing data from 12s ago',
    );
    expect(text).toContain('● down');
    expect(text).toContain('ro-0000000fail1');
    expect(text.split('\n').length).toBeLessThan(SIZE.rows);
    feed.update({ outage: null, snapshot: snapshot(sampleRollouts()) });
    const back = await until((t) => !t.includes('is unreachable'));
    expect(back).toContain('● up 3ms');
  });

  it('wraps a long reason onto a second line and still fits the terminal', async () => {
    const reason = `AGL 0.3 store at ${ENDPOINT}: POST /v1/agl/rollouts/search failed: the connection broke (ECONNRESET: read ECONNRESET) after 3 retries over 2.5 s`;
    const feed = new ManualFeed({
      snapshot: snapshot(sampleRollouts()),
      outage: { reason, hint: 'Start it.', since: NOW, failures: 2, nextRetryAt: NOW },
    });
    const { instance, until } = mount(feed);
    unmount = instance.unmount;
    const text = await until((t) => t.includes('retrying now'));
    expect(text).toContain('POST /v1/agl/rollouts/search failed');
    expect(text).toContain('after 3 retries over 2.5 s');
    expect(text.split('\n').length).toBeLessThan(SIZE.rows);
  });

  it('explains that there is no data when the store was never reached', async () => {
    const feed = new ManualFeed({
      outage: {
        reason: 'connection refused',
        hint: 'Start it.',
        since: NOW,
        failures: null,
        nextRetryAt: null,
      },
    });
    const { instance, until } = mount(feed);
    unmount = instance.unmount;
    const text = await until((t) => t.includes('connection refused'));
    expect(text).toContain('retrying with backoff (down just now) · no data yet');
    expect(text).toContain('No data: the store is unreachable.');
  });
});

describe('App detail view', () => {
  it('opens the selected rollout with Enter and goes back with Esc', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    feed.details.set('ro-00000000ok01', sampleDetail());
    const { instance, until, press } = mount(feed, { columns: 120, rows: 30 });
    unmount = instance.unmount;
    await until((t) => t.includes('ro-0000000fail1'));
    await press(KEYS.down, KEYS.enter);
    const text = await until((t) => t.includes('SPANS (4)'));
    expect(feed.detailRequests).toContain('ro-00000000ok01');
    expect(text).toContain('Rollout ro-00000000ok01  succeeded  agent weather-agent  mode train');
    expect(text).toContain(
      'started 1m ago · duration 4.2s · 1 attempt · 6 spans · tokens 1.2k/56 · reward 1',
    );
    expect(text).toMatch(
      /#1 {2}at-00000001 {2}succeeded +worker Worker-0 {2}started 1m ago {2}4\.2s/,
    );
    expect(text).toMatch(/invoke_agent weather-agent +█+ +4\.0s {2}agent weather-agent/);
    expect(text).toMatch(/ {4}chat gpt-4o-mini +█+ +3\.0s {2}model gpt-4o-mini · tokens 1\.2k\/56/);
    expect(text).toMatch(
      / {6}execute_tool get-weather +█+ +500ms {2}tool get-weather · error: city not found/,
    );
    expect(text).toMatch(/ {4}agentlightning\.reward +█ +0ms {2}reward 1/);
    expect(text).toContain('Esc back');
    await press(KEYS.escape);
    await until((t) => t.includes('ROLLOUT') && t.includes('ro-0000000fail1'));
  });

  it('shows a loading error and keeps the app alive', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    feed.detailError = new Error('AGL store unavailable');
    const { instance, until, press } = mount(feed);
    unmount = instance.unmount;
    await until((t) => t.includes('ro-0000000fail1'));
    await press(KEYS.enter);
    await until((t) => t.includes('Could not load this rollout: AGL store unavailable'));
  });

  it('says when the store no longer has the rollout', async () => {
    const feed = new ManualFeed({ snapshot: snapshot(sampleRollouts()) });
    const { instance, until, press } = mount(feed);
    unmount = instance.unmount;
    await until((t) => t.includes('ro-0000000fail1'));
    await press(KEYS.enter);
    await until((t) => t.includes('the store no longer has this rollout'));
  });
});
