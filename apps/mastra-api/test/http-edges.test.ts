// The API server as a process, as users run it: its HTTP edges and its start-up messages.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type AglStore, connect } from '@agl/client';
import { getDatasetPost } from '@agl/post-analyzer';
import { freePort } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('../src/server.ts', import.meta.url));

interface ApiProcess {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function runApi(env: Record<string, string>): ApiProcess {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(AGL_|OPENAI_|OTEL_|PORT$|HOST$|API_TOKEN$)/.test(key)) {
      clean[key] = value;
    }
  }
  const child = spawn(process.execPath, ['--conditions=@agl/source', SERVER], {
    env: { ...clean, AGL_LLM_OFFLINE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exit };
}

async function listening(api: ApiProcess): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(api.output());
    if (match?.[1]) return match[1];
    if (api.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the API did not start:\n${api.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(api: ApiProcess | undefined): Promise<void> {
  if (api && api.child.exitCode === null) {
    api.child.kill('SIGTERM');
    await api.exit;
  }
}

/** A raw request, so that the Host header can be anything. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const POST = JSON.stringify({ ...getDatasetPost('post-002').post, postId: 'post-002' });

describe('the API process with export on, against a real agl store 0.3.0', () => {
  const agl = useAglStore('0.3.0');
  let api: ApiProcess;
  let url: string;
  let store: AglStore;

  beforeAll(async () => {
    api = runApi({
      AGL_ENABLED: 'true',
      AGL_ENDPOINT: agl.url,
      PORT: String(await freePort()),
      API_TOKEN: 'test-token',
      MAX_BODY_BYTES: '65536',
    });
    url = await listening(api);
    store = await connect(agl.url);
  });
  afterAll(async () => {
    await stop(api);
    await store?.close();
  });

  const json = { 'content-type': 'application/json', authorization: 'Bearer test-token' };

  it('says once at start that export is on, and records runs under the app name', async () => {
    expect(api.output().match(/Agent Lightning export is on/g)).toHaveLength(1);
    expect(api.output()).toContain(`store at ${agl.url}`);
    const answer = await send(`${url}/api/analyze`, { method: 'POST', headers: json, body: POST });
    expect(answer.status).toBe(200);
    const { rolloutId } = JSON.parse(answer.body) as { rolloutId: string | null };
    expect(rolloutId).toEqual(expect.any(String));
    const deadline = Date.now() + 30_000;
    let names: unknown[] = [];
    while (names.length === 0 && Date.now() < deadline) {
      const spans = await store.querySpans(rolloutId as string);
      names = [...new Set(spans.map((span) => span.resource.attributes['service.name']))];
      if (names.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(names).toEqual(['post-analyzer-api']);
  });

  it('answers 413 to a body over the limit, without reading it whole', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 'a');
    const answer = await send(`${url}/api/analyze`, { method: 'POST', headers: json, body: big });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'payload_too_large' });
  });

  it('refuses text/plain (which a web page may send anywhere) with 415', async () => {
    const answer = await send(`${url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer test-token' },
      body: POST,
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).message).toContain('application/json');
  });

  it('answers only to loopback names, and only with the token', async () => {
    const evil = await send(`${url}/api/analyze`, {
      method: 'POST',
      headers: { ...json, host: 'attacker.example:3000' },
      body: POST,
    });
    expect(evil.status).toBe(403);
    const anonymous = await send(`${url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: POST,
    });
    expect(anonymous.status).toBe(401);
    expect((await send(`${url}/health`, {})).status).toBe(200);
  });
});

describe('the API process failing to listen', () => {
  let blocker: Server | undefined;
  let api: ApiProcess | undefined;

  afterAll(async () => {
    await stop(api);
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  });

  it('says in one line that PORT is in use, without a stack trace', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(port, '127.0.0.1', resolve));
    api = runApi({ PORT: String(port) });
    expect(await api.exit).toBe(1);
    expect(api.output()).toContain(`Configuration error: PORT ${port} is already in use`);
    expect(api.output()).not.toMatch(/\n\s+at /);
  });

  it('says in one line that HOST is not an address of this machine', async () => {
    api = runApi({ PORT: '0', HOST: '203.0.113.7' });
    expect(await api.exit).toBe(1);
    expect(api.output()).toContain('Configuration error: HOST "203.0.113.7" is not an address');
    expect(api.output()).not.toMatch(/\n\s+at /);
  });
});
