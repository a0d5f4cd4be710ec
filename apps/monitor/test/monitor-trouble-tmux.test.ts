// The monitor against stores that misbehave, and stored text that tries to drive the terminal.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type AglStore, connect } from '@agl/client';
import { addLateReward } from '@agl/snapshot/testing';
import { type FaultProxy, startFaultProxy } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFailedRollout, addSucceededRollout } from './fill-store.ts';
import { TmuxSession } from './tmux.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const SIZE = { columns: 160, rows: 30 };
const runFile = promisify(execFile);
/** Moves the cursor up a line and recolours: printed raw, it would tear the table. */
const EVIL_AGENT = 'evil\u001b[1A\u001b[31magent';

function cliCommand(...args: string[]): string[] {
  return [process.execPath, '--conditions=@agl/source', '--no-warnings', CLI, ...args];
}

function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runFile(process.execPath, cliCommand(...args).slice(1), { timeout: 30_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failure: { code: number; stdout: string; stderr: string }) => failure,
  );
}

describe('agl-monitor against a misbehaving agl store 0.3.0', () => {
  const agl = useAglStore('0.3.0');
  const tmux = new TmuxSession(`agl-monitor-trouble-${process.pid}`);
  let client: AglStore;
  let proxy: FaultProxy;
  let evil: string;
  let failed: string[];

  beforeAll(async () => {
    client = await connect(agl.url);
    failed = [];
    for (let index = 0; index < 3; index += 1) {
      failed.push(await addFailedRollout(client, `old-${index}`));
    }
    evil = await addSucceededRollout(client, EVIL_AGENT);
    proxy = await startFaultProxy(agl.port);
    await tmux.start(
      cliCommand('--endpoint', proxy.url, '--interval', '300ms', '--recent', '2'),
      SIZE,
      {
        TERM: 'xterm-256color',
      },
    );
  });

  afterAll(async () => {
    await tmux.kill();
    await proxy?.stop();
    await client?.close();
  });

  it('prints stored text without its escape codes, live and with --once', async () => {
    const screen = await tmux.waitForScreen((s) => s.includes(evil), 'the rollouts');
    const row = screen.split('\n').find((line) => line.includes(evil)) ?? '';
    expect(row).toMatch(/evilagent +succeeded/);
    const once = await runCli('--once', '--endpoint', agl.url);
    expect(once.code).toBe(0);
    expect(once.stdout).toContain('evilagent');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes.
    expect(once.stdout).not.toMatch(/\u001B/);
  });

  it('counts a filtered table against the store, not only the rows it holds', async () => {
    await tmux.sendKeys('f', 'f', 'f', 'f');
    const screen = await tmux.waitForScreen((s) => s.includes('f filter: failed'), 'the filter');
    expect(screen).toMatch(/rollouts 4 /);
    expect(screen).toContain('(1 of 3 failed in the store; the table holds the 2 newest)');
    await tmux.sendKeys('f', 'f');
    await tmux.waitForScreen((s) => s.includes('f filter: all'), 'all rollouts');
  });

  it('counts a reward added to a finished rollout after the monitor started', async () => {
    await tmux.waitForScreen((s) => s.includes('1/500 rollouts with rewards'), 'one reward');
    const [attempt] = await client.queryAttempts(failed[0] as string);
    await addLateReward(
      client,
      { rolloutId: failed[0] as string, attemptId: attempt?.attempt_id ?? null, spanIds: [] },
      0.3,
    );
    await tmux.waitForScreen((s) => s.includes('2/500 rollouts with rewards'), 'the late reward');
  });

  it('says a hung store is not answering within seconds, and recovers', async () => {
    proxy.setMode({ kind: 'stall' });
    try {
      const down = await tmux.waitForScreen((s) => s.includes('not answering'), 'the banner');
      expect(down).toContain('● not answering');
      expect(down).not.toContain('pnpm agl:server');
    } finally {
      proxy.setMode({ kind: 'pass' });
    }
    await tmux.waitForScreen((s) => s.includes('● up') && !s.includes('not answering'), 'up');
  });

  it('says the dialect does not match instead of asking to start a running store', async () => {
    const result = await runCli('--once', '--dialect', '0.2', '--endpoint', agl.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not answer like the AGL version asked for');
    expect(result.stderr).not.toContain('pnpm agl:server');
  });
});
