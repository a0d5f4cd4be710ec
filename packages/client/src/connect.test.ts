import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, ScriptedServer } from '../test/support/scripted-server.ts';
import { connect, createAglStore, detectDialect } from './connect.ts';
import { isAglError } from './errors.ts';

const server = new ScriptedServer();

beforeAll(async () => {
  await server.start();
});
afterEach(() => {
  server.requests.length = 0;
});
afterAll(async () => {
  await server.stop();
});

function html(response: import('node:http').ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><title>Agent Lightning</title>');
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAglError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('detectDialect', () => {
  it('finds 0.3 on /v1/agl/health', async () => {
    server.handler = (request, response) =>
      request.path === '/v1/agl/health' ? json(response, 200, { status: 'ok' }) : html(response);
    const detection = await detectDialect(server.url);
    expect(detection).toEqual({
      dialect: '0.3',
      baseUrl: server.url,
      evidence: 'GET /v1/agl/health answered {"status":"ok"}',
    });
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/agl/health']);
  });

  it('finds 0.2 on /health when /v1/agl/health is unknown', async () => {
    server.handler = (request, response) =>
      request.path === '/health'
        ? json(response, 200, { status: 'ok' })
        : json(response, 404, { detail: 'Not Found' });
    expect((await detectDialect(server.url)).dialect).toBe('0.2');
  });

  it('does not take an HTML page on /health for a 0.2 store', async () => {
    server.handler = (request, response) =>
      request.path === '/health' ? html(response) : json(response, 404, { detail: 'Not Found' });
    const error = await rejection(detectDialect(server.url));
    expect(error.kind).toBe('protocol');
    expect(error.message).toBe(
      `Something answers at ${server.url}, but not like an AGL 0.2 or 0.3 store ` +
        '(GET /v1/agl/health answered 404 application/json; GET /health answered 200 text/html).',
    );
  });

  it('reports a store that is not running as unavailable', async () => {
    const gone = await new ScriptedServer().start();
    const url = gone.url;
    await gone.stop();
    const error = await rejection(detectDialect(url));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(
      /^No AGL store at http:\/\/127\.0\.0\.1:\d+: GET \/v1\/agl\/health failed \(ECONNREFUSED\)\. Is `agl store` running there\?$/,
    );
  });

  it('reports a timeout when the probe hangs', async () => {
    server.handler = () => {};
    const error = await rejection(detectDialect(server.url, { probeTimeoutMs: 200 }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/GET \/v1\/agl\/health timed out; GET \/health timed out/);
  });
});

describe('connect', () => {
  it('tells what it detected and returns a store for that dialect', async () => {
    server.handler = (request, response) =>
      request.path === '/health' ? json(response, 200, { status: 'ok' }) : json(response, 404, {});
    const seen: string[] = [];
    const store = await connect(`${server.url}/`, { onDetected: (d) => seen.push(d.evidence) });
    expect(store.dialect).toBe('0.2');
    expect(store.baseUrl).toBe(server.url);
    expect(store.capabilities.otlpTraces).toBe(false);
    expect(seen).toEqual(['GET /health answered {"status":"ok"}']);
    await store.close();
  });

  it('sends nothing when the dialect is forced', async () => {
    const store = await connect(server.url, { dialect: '0.3' });
    expect(store.dialect).toBe('0.3');
    expect(server.requests).toHaveLength(0);
    await store.close();
  });

  it('rejects bad URLs and options with a message naming them', () => {
    expect(() => createAglStore('not a url', '0.3')).toThrow(
      /is not a URL; use e.g. http:\/\/localhost:4747/,
    );
    expect(() => createAglStore('localhost:4747', '0.3')).toThrow(/is not an http\(s\) URL/);
    expect(() => createAglStore('http://x/?a=1', '0.3')).toThrow(/has a \?query or #fragment/);
    expect(() => createAglStore('http://x', '0.4' as '0.3')).toThrow(
      /dialect must be "0.2" or "0.3"/,
    );
    expect(() => createAglStore('http://x', '0.3', { timeoutMs: 0 })).toThrow(
      /timeoutMs must be a positive/,
    );
    expect(() => createAglStore('http://x', '0.3', { retry: { jitter: 2 } })).toThrow(
      /retry.jitter/,
    );
  });

  it('keeps a base path prefix (a store behind a proxy)', async () => {
    server.handler = (request, response) =>
      request.path === '/agl/v1/agl/health'
        ? json(response, 200, { status: 'ok' })
        : json(response, 404, {});
    const store = await connect(`${server.url}/agl`);
    expect(store.dialect).toBe('0.3');
    expect((await store.health()).dialect).toBe('0.3');
    await store.close();
  });
});
