import { describe, expect, it } from 'vitest';
import { describeError } from './error-message.ts';

describe('describeError', () => {
  it('includes the HTTP status of a failed model call', () => {
    const error = Object.assign(new Error('Incorrect API key provided'), { statusCode: 401 });
    expect(describeError(error)).toBe('Incorrect API key provided (HTTP 401)');
  });

  it('follows causes and skips ones that repeat the message', () => {
    const root = new Error('connect ECONNREFUSED 127.0.0.1:9');
    const middle = new Error('Cannot connect to API: connect ECONNREFUSED 127.0.0.1:9', {
      cause: root,
    });
    const top = new Error('Agent run failed', { cause: middle });
    expect(describeError(top)).toBe(
      'Agent run failed: Cannot connect to API: connect ECONNREFUSED 127.0.0.1:9',
    );
  });

  it('copes with strings, objects and nothing useful', () => {
    expect(describeError('boom')).toBe('boom');
    expect(describeError({ code: 'E1' })).toBe('{"code":"E1"}');
    expect(describeError(new Error(''))).toBe('unknown error');
  });
});
