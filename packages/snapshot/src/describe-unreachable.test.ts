import { describe, expect, it } from 'vitest';
import {
  describeUnreachable,
  ERROR_ANSWER_HINT,
  NOT_ANSWERING_HINT,
  START_AGL_HINT,
  WRONG_DIALECT_HINT,
} from './describe-unreachable.ts';

const refused = (message: string) =>
  Object.assign(new Error(message), { kind: 'unavailable', cause: { code: 'ECONNREFUSED' } });

const endpoint = 'http://127.0.0.1:4747';

describe('describeUnreachable', () => {
  it('names the store, the reason and how to start AGL', () => {
    const snapshot = describeUnreachable(endpoint, refused('fetch failed'), { now: 7 });
    expect(snapshot).toEqual({
      endpoint,
      reachable: false,
      problem: 'unreachable',
      takenAt: 7,
      reason:
        'AGL store at http://127.0.0.1:4747 is unreachable: connection refused (fetch failed)',
      hint: START_AGL_HINT,
    });
  });

  it('does not repeat the endpoint when the message already names it', () => {
    const error = new Error('No AGL store at http://127.0.0.1:4747: GET /v1/agl/health failed');
    expect(describeUnreachable(endpoint, error).reason).toBe(error.message);
  });

  it('never shows credentials, neither from the endpoint nor from the message', () => {
    const withCredentials = 'http://admin:hunter2@127.0.0.1:4747';
    const snapshot = describeUnreachable(
      withCredentials,
      new Error(`No AGL store at ${withCredentials}/`),
      { hint: 'custom hint' },
    );
    expect(JSON.stringify(snapshot)).not.toContain('hunter2');
    expect(snapshot.endpoint).toBe('http://127.0.0.1:4747');
    expect(snapshot.hint).toBe('custom hint');
  });

  it('says what the store answered instead of calling it unreachable', () => {
    const error = Object.assign(new Error('GET /v1/agl/rollouts failed: invalid surrogate'), {
      kind: 'application',
      status: 500,
    });
    const snapshot = describeUnreachable(endpoint, error, { hint: 'start it' });
    expect(snapshot.problem).toBe('error_answer');
    expect(snapshot.reason).toBe(
      'AGL store at http://127.0.0.1:4747 answered HTTP 500: GET /v1/agl/rollouts failed: invalid surrogate',
    );
    expect(snapshot.hint).toBe(ERROR_ANSWER_HINT);
    expect(snapshot.reason).not.toMatch(/unreachable/);
  });

  it('tells a silent store from one that is down', () => {
    const timeout = Object.assign(new Error('no complete answer within 4000 ms'), {
      kind: 'timeout',
    });
    const snapshot = describeUnreachable(endpoint, timeout);
    expect(snapshot.problem).toBe('not_answering');
    expect(snapshot.reason).toMatch(/is not answering: no complete answer within 4000 ms/);
    expect(snapshot.hint).toBe(NOT_ANSWERING_HINT);
  });

  it('says the dialect does not match rather than asking to start a running store', () => {
    const protocol = Object.assign(new Error('GET /health answered text/html'), {
      kind: 'protocol',
    });
    const snapshot = describeUnreachable(endpoint, protocol, { hint: 'start it' });
    expect(snapshot.problem).toBe('wrong_dialect');
    expect(snapshot.reason).toMatch(/does not answer like the AGL version asked for/);
    expect(snapshot.hint).toBe(WRONG_DIALECT_HINT);
  });
});
