import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort } from '@agl/testkit';
import { afterEach, describe, expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const children: ChildProcess[] = [];

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--conditions=@agl/source', SERVER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

async function waitForOutput(
  output: () => string,
  text: string,
  child: ChildProcess,
): Promise<void> {
  while (!output().includes(text)) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the status server process', () => {
  it('listens, answers /health without AGL, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const deadAgl = `http://127.0.0.1:${await freePort()}`;
    const token = 'process-test-token-0123456789';
    const { child, output } = start({
      AGL_ENDPOINT: deadAgl,
      AGL_STATUS_PORT: String(port),
      AGL_STATUS_TOKEN: token,
    });
    await waitForOutput(output, 'listening on', child);
    expect(output()).toContain(`listening on http://127.0.0.1:${port}`);
    expect(output()).toContain('token=set (hidden)');
    expect(output()).not.toContain(token);
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', agl: { reachable: false, endpoint: deadAgl } });
    const denied = await fetch(`http://127.0.0.1:${port}/api/status`);
    expect(denied.status).toBe(401);
    const status = await fetch(`http://127.0.0.1:${port}/api/status`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(status.status).toBe(503);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('refuses a bad setting, naming the variable, with exit code 2', async () => {
    const { child, output } = start({ AGL_STATUS_PORT: 'eighty' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output()).toContain('AGL_STATUS_PORT: "eighty" is not a port');
  });
});
