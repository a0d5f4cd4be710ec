import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/bin/offline-model.ts', import.meta.url));
const children: ChildProcess[] = [];

function run(...args: string[]) {
  const child = spawn(process.execPath, ['--conditions=@agl/source', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OFFLINE_MODEL_PORT: '', OFFLINE_MODEL_HOST: '' }, // empty means unset
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const waitFor = async (pattern: RegExp) => {
    while (!pattern.test(output)) {
      if (child.exitCode !== null) throw new Error(`the CLI exited early:\n${output}`);
      await once(child.stdout ?? child, 'data');
    }
    return output.match(pattern);
  };
  return { child, waitFor, output: () => output };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('offline-model CLI', () => {
  it('prints the banner and URL, serves, logs requests and stops cleanly on Ctrl-C', async () => {
    const { child, waitFor, output } = run('--port', '0', '--verbose');
    const match = await waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/v1)/);
    expect(output()).toContain('deterministic, not a language model');
    const url = match?.[1] ?? '';
    const models = await fetch(`${url}/models`);
    expect(await models.json()).toMatchObject({ data: [{ id: 'agl-offline-1' }] });
    await waitFor(/GET \/v1\/models → 200/);
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output()).toContain('SIGINT received, stopping after 1 requests');
  });

  it('rejects a bad port with the usage text and exit code 2', async () => {
    const { child, output } = run('--port', 'eighty');
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output()).toContain('invalid port "eighty"');
    expect(output()).toContain('Usage: offline-model');
  });
});
