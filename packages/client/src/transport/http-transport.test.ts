import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  answerThenClose,
  type Handler,
  hang,
  json,
  reset,
  ScriptedServer,
} from '../../test/support/scripted-server.ts';
import { isAglError } from '../errors.ts';
import { HttpTransport, type RawRequest } from './http-transport.ts';
import type { TransportOptions } from './options.ts';

const FAST: TransportOptions = {
  timeoutMs: 2_000,
  retry: { maxRetries: 3, initialDelayMs: 10, maxDelayMs: 20, jitter: 0 },
  healthProbe: { delaysMs: [10, 10], timeoutMs: 500 },
};

const server = new ScriptedServer();
const transports: HttpTransport[] = [];

function transport(options: TransportOptions = {}, dialect: '0.2' | '0.3' = '0.3'): HttpTransport {
  const health = dialect === '0.3' ? '/v1/agl/health' : '/health';
  const created = new HttpTransport(server.url, dialect, health, { ...FAST, ...options });
  transports.push(created);
  return created;
}

function call(path: string, overrides: Partial<RawRequest> = {}): RawRequest {
  return { method: 'POST', route: path, path, retrySafe: true, body: '{}', ...overrides };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAglError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Answers health probes ok and everything else with `rest`. */
function withHealth(rest: Handler) {
  server.handler = (request, response, raw) => {
    if (request.path === '/v1/agl/health' || request.path === '/health') {
      json(response, 200, { status: 'ok' });
      return;
    }
    return rest(request, response, raw);
  };
}

beforeAll(async () => {
  await server.start();
});

afterEach(async () => {
  await Promise.all(transports.splice(0).map((created) => created.close()));
  server.requests.length = 0;
});

afterAll(async () => {
  await server.stop();
});

describe('HttpTransport', () => {
  it('passes 2xx answers through, status and body intact', async () => {
    withHealth((_request, response) => json(response, 201, { ok: true }));
    const answer = await transport().send(call('/v1/agl/rollouts'));
    expect(answer.status).toBe(201);
    expect(JSON.parse(new TextDecoder().decode(answer.body))).toEqual({ ok: true });
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    withHealth((_request, response) => {
      if (server.calls('/x').length === 1)
        json(response, 429, { detail: 'slow down' }, { 'retry-after': '1' });
      else json(response, 200, { ok: true });
    });
    const answer = await transport().send(call('/x', { retrySafe: false }));
    expect(answer.status).toBe(200);
    const [first, second] = server.calls('/x');
    // The policy's own backoff is 10 ms; only Retry-After explains a gap of about a second.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(server.calls('/v1/agl/health')).toHaveLength(0);
  });

  it('gives up at once when Retry-After is longer than allowed', async () => {
    withHealth((_request, response) => json(response, 429, {}, { 'retry-after': '3600' }));
    const error = await failure(transport().send(call('/x')));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/Retry-After 3600 s is longer than the 30000 ms allowed/);
    expect(server.calls('/x')).toHaveLength(1);
  });

  it('retries 503 after a healthy probe, and succeeds', async () => {
    withHealth((_request, response) => {
      if (server.calls('/x').length < 3) json(response, 503, { detail: 'busy' });
      else json(response, 200, { ok: true });
    });
    expect((await transport().send(call('/x', { retrySafe: false }))).status).toBe(200);
    expect(server.calls('/x')).toHaveLength(3);
    expect(server.calls('/v1/agl/health')).toHaveLength(2);
  });

  it('stops retrying when the health probe fails, as AGL’s own client does', async () => {
    server.handler = (_request, response) => json(response, 503, { detail: 'down' });
    const error = await failure(transport().send(call('/x')));
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, dialect: '0.3', route: '/x' });
    expect(error.message).toMatch(/the store did not answer its health check/);
    expect(server.calls('/x')).toHaveLength(1);
    expect(server.calls('/v1/agl/health')).toHaveLength(3);
  });

  it('times out a hanging server; only a retry-safe call is tried again', async () => {
    withHealth(hang);
    const unsafe = await failure(
      transport({ timeoutMs: 300 }).send(call('/x', { retrySafe: false })),
    );
    expect(unsafe.kind).toBe('timeout');
    expect(unsafe.message).toMatch(/no complete answer within 300 ms/);
    expect(server.calls('/x')).toHaveLength(1);

    server.requests.length = 0;
    const safe = await failure(
      transport({ timeoutMs: 300, retry: { ...FAST.retry, maxRetries: 2 } }).send(call('/x')),
    );
    expect(safe.kind).toBe('timeout');
    expect(safe.message).toMatch(/gave up after 3 tries/);
    expect(server.calls('/x')).toHaveLength(3);
  });

  it('retries a reset connection for a retry-safe call', async () => {
    withHealth((_request, response, raw) => {
      if (server.calls('/x').length <= 2) reset(raw);
      else json(response, 200, { ok: true });
    });
    expect((await transport().send(call('/x'))).status).toBe(200);
    expect(server.calls('/x')).toHaveLength(3);
  });

  it('does not repeat a call that may have been processed when the connection resets', async () => {
    withHealth((_request, _response, raw) => reset(raw));
    const error = await failure(transport().send(call('/x', { retrySafe: false })));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/the connection broke/);
    expect(server.calls('/x')).toHaveLength(1);
  });

  it('retries 0.3’s generic 500 only for retry-safe calls, and never a not-found', async () => {
    const generic = {
      detail: 'Internal server error',
      error_type: 'RuntimeError',
      traceback: 'Traceback\nRuntimeError: backend hiccup',
    };
    withHealth((_request, response) => {
      if (server.calls('/x').length === 1) json(response, 500, generic);
      else json(response, 200, { ok: true });
    });
    expect((await transport().send(call('/x'))).status).toBe(200);
    expect(server.calls('/x')).toHaveLength(2);

    server.requests.length = 0;
    const unsafe = await failure(transport().send(call('/x', { retrySafe: false })));
    expect(unsafe).toMatchObject({ kind: 'application', serverMessage: 'backend hiccup' });

    server.requests.length = 0;
    withHealth((_request, response) =>
      json(response, 500, {
        detail: 'Internal server error',
        error_type: 'ValueError',
        traceback: 'Traceback\nValueError: Rollout ro-1 not found',
      }),
    );
    const missing = await failure(transport().send(call('/x')));
    expect(missing.kind).toBe('not_found');
    expect(server.calls('/x')).toHaveLength(1);
  });

  it('0.2: after a 400 the next call goes out on a fresh connection', async () => {
    withHealth((request, response) => {
      if (request.path === '/start_attempt') {
        answerThenClose(response, 400, {
          detail: 'Rollout nope not found',
          error_type: 'ValueError',
          traceback: '...',
        });
      } else {
        json(response, 200, { ok: true });
      }
    });
    const client = transport({ connections: 1 }, '0.2');
    await client.send(call('/warm-up'));
    const error = await failure(client.send(call('/start_attempt', { retrySafe: false })));
    expect(error).toMatchObject({ kind: 'not_found', status: 400, dialect: '0.2' });
    // Not retry-safe: a reused, closing socket would fail this call.
    expect((await client.send(call('/start_rollout', { retrySafe: false }))).status).toBe(200);
    const [warmUp, failed, next] = server.requests;
    expect(failed?.clientPort).toBe(warmUp?.clientPort);
    expect(next?.clientPort).not.toBe(failed?.clientPort);
  });

  it('says clearly when nothing is listening', async () => {
    const closed = new ScriptedServer();
    await closed.start();
    const url = closed.url;
    await closed.stop();
    const client = new HttpTransport(url, '0.3', '/v1/agl/health', FAST);
    transports.push(client);
    const error = await failure(client.send(call('/x', { retrySafe: false })));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/nothing is listening there; is `agl store` running\?/);
  });

  it('refuses calls after close()', async () => {
    const client = transport();
    await client.close();
    const error = await failure(client.send(call('/x')));
    expect(error.kind).toBe('invalid_request');
  });
});
