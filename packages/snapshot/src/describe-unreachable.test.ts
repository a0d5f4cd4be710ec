import { describe, expect, it } from 'vitest';
import { describeUnreachable, START_AGL_HINT } from './describe-unreachable.ts';

const refused = (message: string) =>
  Object.assign(new Error(message), { kind: 'unavailable', cause: { code: 'ECONNREFUSED' } });

describe('describeUnreachable', () => {
  it('names the store, the reason and how to start AGL', () => {
    const snapshot = describeUnreachable('http://127.0.0.1:4747', refused('fetch failed'), {
      now: 7,
    });
    expect(snapshot).toEqual({
      endpoint: 'http://127.0.0.1:4747',
      reachable: false,
      takenAt: 7,
      reason:
        'AGL store at http://127.0.0.1:4747 is unreachable: connection refused (fetch failed)',
      hint: START_AGL_HINT,
    });
  });

  it('does not repeat the endpoint when the message already names it', () => {
    const error = new Error('No AGL store at http://127.0.0.1:4747: GET /v1/agl/health failed');
    expect(describeUnreachable('http://127.0.0.1:4747', error).reason).toBe(error.message);
  });

  it('never shows credentials, neither from the endpoint nor from the message', () => {
    const endpoint = 'http://admin:hunter2@127.0.0.1:4747';
    const snapshot = describeUnreachable(endpoint, new Error(`No AGL store at ${endpoint}/`), {
      hint: 'custom hint',
    });
    expect(JSON.stringify(snapshot)).not.toContain('hunter2');
    expect(snapshot.endpoint).toBe('http://127.0.0.1:4747');
    expect(snapshot.hint).toBe('custom hint');
  });
});
