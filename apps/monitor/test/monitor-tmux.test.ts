// The monitor in a real terminal (tmux) against a real `agl store`, driven by keys.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type AglStore, connect } from '@agl/client';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFailedRollout, addRunningRollout, addSucceededRollout } from './fill-store.ts';
import { TmuxSession } from './tmux.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const SIZE = { columns: 120, rows: 35 };
const runFile = promisify(execFile);

function cliCommand(...args: string[]): string[] {
  return [process.execPath, '--conditions=@agl/source', '--no-warnings', CLI, ...args];
}

/** The line of the table that shows `rolloutId`. */
function rowOf(screen: string, rolloutId: string): string {
  return screen.split('\n').find((line) => line.includes(rolloutId)) ?? '';
}

describe.each(SUPPORTED_AGL_VERSIONS)('agl-monitor against agl store %s', (version) => {
  const agl = useAglStore(version);
  const dialect = version.startsWith('0.2') ? '0.2' : '0.3';
  const tmux = new TmuxSession(`agl-monitor-test-${process.pid}-${dialect.replace('.', '')}`);
  let client: AglStore;
  let succeeded: string;
  let failed: string;
  let running: string;

  beforeAll(async () => {
    client = await connect(agl.url);
    failed = await addFailedRollout(client, 'billing-agent');
    succeeded = await addSucceededRollout(client, 'weather-agent');
    running = await addRunningRollout(client, 'planner-agent');
    await tmux.start(cliCommand('--endpoint', agl.url, '--interval', '300ms'), SIZE, {
      TERM: 'xterm-256color',
    });
  });

  afterAll(async () => {
    await tmux.kill();
    await client?.close();
  });

  it('shows the header and every rollout with its status, spans, tokens and reward', async () => {
    const screen = await tmux.waitForScreen(
      (s) =>
        s.includes(succeeded) && s.includes(failed) && s.includes(running) && s.includes('rewards'),
      'the three rollouts',
    );
    expect(screen).toContain(`AGL monitor  ${agl.url}  AGL ${dialect}  ● up`);
    expect(screen).toMatch(/rollouts 3 +running 1 +queued 0 +succeeded 1 +failed 1 +cancelled 0/);
    expect(screen).toContain('1/500 rollouts with rewards (0%)');
    expect(screen).toMatch(/ROLLOUT +AGENT +STATUS +STARTED +DURATION +SPANS +TOKENS +REWARD/);
    expect(rowOf(screen, succeeded)).toMatch(
      /weather-agent +succeeded +\S+( ago)? +[\d.]+m?s +4 +1\.2k\/56 +0\.75/,
    );
    expect(rowOf(screen, failed)).toMatch(/billing-agent +failed .* 2 +- +-$/);
    expect(rowOf(screen, running)).toMatch(/planner-agent +running /);
    // Newest first: the running rollout was started last.
    expect(screen.indexOf(running)).toBeLessThan(screen.indexOf(succeeded));
    expect(screen.indexOf(succeeded)).toBeLessThan(screen.indexOf(failed));
  });

  it('moves the selection with ↓ and opens the span tree with Enter', async () => {
    await tmux.sendKeys('Down');
    await tmux.waitForScreen(
      (s) => rowOf(s, succeeded).startsWith('›'),
      'the succeeded rollout selected',
    );
    await tmux.sendKeys('Enter');
    const detail = await tmux.waitForScreen((s) => s.includes('SPANS (4)'), 'the span tree');
    expect(detail).toContain(`Rollout ${succeeded}  succeeded  agent weather-agent  mode train`);
    expect(detail).toMatch(/#1 {2}at-[0-9a-f]+ {2}succeeded/);
    expect(detail).toMatch(/invoke_agent weather-agent +█+ +420ms {2}agent weather-agent/);
    expect(detail).toMatch(/chat gpt-4o-mini +█+ +360ms {2}model gpt-4o-mini · tokens 1\.2k\/56/);
    expect(detail).toMatch(
      /execute_tool get-weather +█+ +80ms {2}tool get-weather · error: city not found/,
    );
    expect(detail).toMatch(/agentlightning\.reward +█ +0ms {2}reward 0\.75/);
    await tmux.sendKeys('Escape');
    await tmux.waitForScreen((s) => s.includes('ROLLOUT') && s.includes(failed), 'the list again');
  });

  it('filters by status with f and searches by agent with /', async () => {
    await tmux.sendKeys('f');
    const filtered = await tmux.waitForScreen(
      (s) => s.includes('f filter: running'),
      'the running filter',
    );
    expect(filtered).toContain(running);
    expect(filtered).not.toContain(succeeded);
    for (const key of ['f', 'f', 'f', 'f', 'f']) await tmux.sendKeys(key);
    await tmux.waitForScreen(
      (s) => s.includes('f filter: all') && s.includes(failed),
      'all rollouts',
    );
    await tmux.sendKeys('/', 'b', 'i', 'l', 'l', 'Enter');
    const searched = await tmux.waitForScreen((s) => s.includes('/ "bill"'), 'the search');
    expect(searched).toContain(failed);
    expect(searched).not.toContain(running);
    await tmux.sendKeys('Escape');
    await tmux.waitForScreen(
      (s) => s.includes(running) && s.includes('/ search'),
      'the search cleared',
    );
  });

  it('shows new rollouts and finished runs as they happen', async () => {
    const added = await addSucceededRollout(client, 'late-agent');
    const screen = await tmux.waitForScreen(
      (s) => rowOf(s, added).includes('succeeded'),
      'the new rollout',
    );
    expect(rowOf(screen, added)).toContain('late-agent');
    await tmux.waitForScreen((s) => /rollouts 4 +running 1/.test(s), 'the new count');
  });

  it('pauses with p and shows help with ?', async () => {
    await tmux.sendKeys('p');
    await tmux.waitForScreen((s) => s.includes('PAUSED'), 'the pause marker');
    await tmux.sendKeys('p', '?');
    const help = await tmux.waitForScreen((s) => s.includes('Keys'), 'the help');
    expect(help).not.toContain('PAUSED');
    expect(help).toContain('cycle the status filter');
    await tmux.sendKeys('?');
    await tmux.waitForScreen((s) => s.includes('ROLLOUT'), 'the list after the help');
  });

  it('shows a banner while AGL is gone and recovers when it comes back', async () => {
    await agl.kill();
    const down = await tmux.waitForScreen((s) => s.includes('● down'), 'the outage banner');
    expect(down).toMatch(
      /retrying (in \d+s|now) \(\d+ failed tr(y|ies), down (just now|for \d+s)\) · showing data from/,
    );
    expect(down).toContain(agl.url);
    expect(down).toContain('pnpm agl:server');
    // The last data stays on screen under the banner.
    expect(down).toContain(succeeded);
    await agl.start();
    // The restarted store is empty: the banner goes and the list is read again.
    const back = await tmux.waitForScreen((s) => /rollouts 0 /.test(s), 'recovery');
    expect(back).toContain('● up');
    expect(back).not.toContain('retrying');
    expect(back).not.toContain(succeeded);
    const fresh = await addRunningRollout(client, 'after-restart');
    await tmux.waitForScreen((s) => s.includes(fresh), 'a rollout in the restarted store');
  });

  it('quits with q', async () => {
    await tmux.sendKeys('q');
    await tmux.waitForScreen(() => true, 'anything');
    const deadline = Date.now() + 10_000;
    while (!(await tmux.exited())) {
      if (Date.now() > deadline) throw new Error(`still running after q:\n${await tmux.capture()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('prints one plain snapshot table when stdout is not a terminal', async () => {
    const { stdout } = await runFile(process.execPath, cliCommand('--endpoint', agl.url).slice(1), {
      timeout: 30_000,
    });
    expect(stdout).toContain(`AGL monitor  ${agl.url}  AGL ${dialect}`);
    expect(stdout).toMatch(/^ROLLOUT +AGENT +STATUS/m);
    expect(stdout).toContain('after-restart');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes.
    expect(stdout).not.toMatch(/\u001B/);
  });
});

describe('agl-monitor --once without a store', () => {
  it('exits 1 with the reason and a hint', async () => {
    const error = await runFile(
      process.execPath,
      cliCommand('--once', '--endpoint', 'http://127.0.0.1:9').slice(1),
      { timeout: 30_000 },
    ).then(
      () => null,
      (failure: { code: number; stderr: string }) => failure,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toContain('http://127.0.0.1:9');
    expect(error?.stderr).toContain('ECONNREFUSED');
    expect(error?.stderr).toContain('pnpm agl:server');
  });

  it('exits 2 on a bad option', async () => {
    const error = await runFile(process.execPath, cliCommand('--interval', 'soon').slice(1)).then(
      () => null,
      (failure: { code: number; stderr: string }) => failure,
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr).toContain('--interval "soon" is not a duration');
  });
});
