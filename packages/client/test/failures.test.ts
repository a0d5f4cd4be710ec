// How the client fails against real servers: unknown ids, invalid values, the server not
// running, and the server killed while a request is in flight.
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AglError,
  type AglErrorKind,
  type AglStore,
  connect,
  createAglStore,
  isAglError,
  type Span,
} from '../src/index.ts';

const FAST_RETRIES = {
  retry: { initialDelayMs: 50, maxDelayMs: 200 },
  healthProbe: { delaysMs: [50, 100], timeoutMs: 1_000 },
} as const;

async function failure(promise: Promise<unknown>, kind: AglErrorKind): Promise<AglError> {
  try {
    await promise;
  } catch (error) {
    if (isAglError(error, kind)) return error;
    throw error;
  }
  throw new Error(`expected an AglError of kind ${kind}`);
}

function span(rolloutId: string, attemptId: string): Span {
  return {
    rollout_id: rolloutId,
    attempt_id: attemptId,
    sequence_id: 1,
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: '00f067aa0ba902b7',
    parent_id: null,
    name: 'x',
    status: { status_code: 'UNSET', description: null },
    attributes: {},
    events: [],
    links: [],
    start_time: 1700000000,
    end_time: 1700000001,
    context: null,
    parent: null,
    resource: { attributes: {}, schema_url: '' },
  };
}

describe('a store that is not running', () => {
  it('connect() says nothing AGL-like answers there', async () => {
    const port = await freePort();
    const error = await failure(connect(`http://127.0.0.1:${port}`), 'unavailable');
    expect(error.message).toBe(
      `No AGL store at http://127.0.0.1:${port}: GET /v1/agl/health failed (ECONNREFUSED). Is \`agl store\` running there?`,
    );
  });

  it.each(['0.2', '0.3'] as const)('a %s client fails fast with unavailable', async (dialect) => {
    const port = await freePort();
    const store = createAglStore(`http://127.0.0.1:${port}`, dialect, FAST_RETRIES);
    const error = await failure(store.startRollout({ input: null }), 'unavailable');
    expect(error.message).toMatch(/nothing is listening there; is `agl store` running\?/);
    expect(error.message).toMatch(/the store did not answer its health check/);
    expect(error).toMatchObject({ dialect, status: null, retryable: true });
    await failure(store.health(), 'unavailable');
    await store.close();
  });
});

describe.each(['0.2.2', '0.3.0'] as const)('failures against agl store %s', (version) => {
  const server = useAglStore(version);
  const dialect = version === '0.2.2' ? '0.2' : '0.3';
  let store: AglStore;
  let unchecked: AglStore;

  beforeAll(async () => {
    store = await connect(server.url, FAST_RETRIES);
    unchecked = await connect(server.url, { ...FAST_RETRIES, validateRequests: false });
  });
  afterAll(async () => {
    await store?.close();
    await unchecked?.close();
  });

  it('an unknown rollout is not_found, with the server’s own message', async () => {
    const started = await failure(store.startAttempt('ro-nope'), 'not_found');
    expect(started).toMatchObject({
      dialect,
      status: dialect === '0.2' ? 400 : 500,
      errorType: 'ValueError',
      serverMessage: 'Rollout ro-nope not found',
      retryable: false,
    });
    expect(started.route).toBe(
      dialect === '0.2' ? '/start_attempt' : '/v1/agl/rollouts/{rollout_id}/attempts',
    );
    await failure(store.updateRollout('ro-nope', { status: 'failed' }), 'not_found');
    await failure(store.updateAttempt('ro-nope', 'latest', { status: 'failed' }), 'not_found');
    await failure(store.addSpan(span('ro-nope', 'at-nope')), 'not_found');
    expect(await store.getRollout('ro-nope')).toBeNull();
  });

  it('an attempt that does not belong to the rollout is rejected', async () => {
    const rollout = await store.startRollout({ input: null });
    const error = await failure(
      store.updateAttempt(rollout.rollout_id, 'at-nope', { status: 'running' }),
      'not_found',
    );
    expect(error.serverMessage).toMatch(/at-nope/);
  });

  it('keeps working after application errors (0.2 drops the connection after each 400)', async () => {
    for (let round = 0; round < 5; round++) {
      await failure(store.startAttempt('ro-nope'), 'not_found');
      // Not retry-safe: it must not land on the socket the server just closed.
      const rollout = await store.startRollout({ input: round });
      expect(rollout.input).toBe(round);
    }
  });

  it('an invalid status fails locally, naming the field', async () => {
    const rollout = await store.startRollout({ input: null });
    const error = await failure(
      store.updateRollout(rollout.rollout_id, { status: 'done' as 'failed' }),
      'invalid_request',
    );
    expect(error.message).toBe(
      'updateRollout: patch.status: must be one of queuing, preparing, running, failed, succeeded, cancelled, requeuing; got "done"',
    );
    expect(error.status).toBeNull();
  });

  it('the server’s own answer to an invalid status is a validation error', async () => {
    const rollout = await unchecked.startRollout({ input: null });
    const error = await failure(
      unchecked.updateRollout(rollout.rollout_id, { status: 'done' as 'failed' }),
      'validation',
    );
    expect(error.status).toBe(422);
    expect(error.serverMessage).toMatch(/status/);
  });

  it('null where only omission means "unchanged" is refused by the server too', async () => {
    const rollout = await unchecked.startRollout({ input: null });
    const error = await failure(
      unchecked.updateAttempt(rollout.rollout_id, 'latest', {
        worker_id: null as unknown as string,
      }),
      'validation',
    );
    expect(error.status).toBe(dialect === '0.2' ? 422 : 400);
  });

  it('a malformed span fails locally with every problem named', async () => {
    const rollout = await store.startRollout({ input: null });
    const bad = {
      ...span(rollout.rollout_id, rollout.attempt.attempt_id),
      trace_id: 'xyz',
      attributes: { nested: { a: 1 } },
    } as unknown as Span;
    const error = await failure(store.addSpan(bad), 'invalid_request');
    expect(error.message).toBe(
      'addSpan: span.attributes.nested: must be a string, a boolean or a number, or an array of one of those types only; got {"a":1}; span.trace_id: must be 32 lowercase hex characters, got "xyz"',
    );
  });

  it('a request in flight when the server is killed fails as unavailable', async () => {
    const rollout = await store.startRollout({ input: 'never finishes' });
    // The server holds this request for up to 20 s.
    const waiting = store.waitForRollouts([rollout.rollout_id], 20);
    await sleep(500);
    await server.kill();
    const error = await failure(waiting, 'unavailable');
    expect(error.message).toMatch(/the store did not answer its health check/);
    await failure(connect(server.url), 'unavailable');
  });
});
