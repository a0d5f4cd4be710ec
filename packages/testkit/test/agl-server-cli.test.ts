// `pnpm agl:server` as a process: a taken port and a dying store end it with a message and code 1.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../src/free-port.ts';

const BIN = fileURLToPath(new URL('../src/bin/agl-server.ts', import.meta.url));

interface Running {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exit: Promise<number | null>;
}

function startWrapper(args: string[]): Running {
  const child = spawn(process.execPath, ['--conditions=@agl/source', BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AGL_PORT: undefined, AGL_VERSION: undefined, AGL_HOST: undefined },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => ({ stdout, stderr }), exit };
}

async function until(check: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('agl:server wrapper', () => {
  let running: Running | undefined;
  let blocker: Server | undefined;

  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGTERM');
      await running.exit;
    }
    running = undefined;
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
    blocker = undefined;
  });

  it('refuses a port another process listens on, instead of calling that process healthy', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(port, '127.0.0.1', resolve));
    running = startWrapper(['--port', String(port)]);
    expect(await running.exit).toBe(1);
    const { stdout, stderr } = running.output();
    expect(stderr).toContain(`port ${port} is already in use`);
    expect(stdout).not.toContain('healthy');
  });

  it('exits 1 saying so when its store dies', async () => {
    running = startWrapper(['--port', String(await freePort())]);
    const current = running;
    await until(() => /healthy .*pid \d+/.test(current.output().stdout), 'the store');
    const pid = Number(/pid (\d+)/.exec(current.output().stdout)?.[1]);
    process.kill(pid, 'SIGKILL');
    expect(await current.exit).toBe(1);
    expect(current.output().stderr).toContain('the store exited unexpectedly');
  });
});
