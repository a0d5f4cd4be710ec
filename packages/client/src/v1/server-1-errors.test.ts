import { describe, expect, it } from 'vitest';
import { server1Error } from './server-1-errors.ts';

const call = { method: 'PATCH', route: '/api/rollouts/{rollout_id}' };

describe('server1Error', () => {
  it('says a 409 is a refused state change someone else may have caused', () => {
    const error = server1Error({
      ...call,
      status: 409,
      body: { detail: 'cannot transition running -> running' },
    });
    expect(error.kind).toBe('application');
    expect(error.errorType).toBe('InvalidTransition');
    expect(error.message).toMatch(/cannot transition running -> running.*someone else/);
    expect(error.retryable).toBe(false);
    expect(error.dialect).toBe('1.0');
  });

  it('tells what to set on a 401', () => {
    const error = server1Error({
      ...call,
      status: 401,
      body: { detail: 'Invalid or missing API key' },
    });
    expect(error.message).toMatch(/Set AGL_KEY/);
  });

  it('maps 404, 422 and 503 to not_found, validation and retryable unavailable', () => {
    expect(
      server1Error({ ...call, status: 404, body: { detail: 'Rollout not found: x' } }).kind,
    ).toBe('not_found');
    expect(
      server1Error({ ...call, status: 422, body: { detail: [{ msg: 'bad' }] } }).serverMessage,
    ).toBe('[{"msg":"bad"}]');
    const unavailable = server1Error({ ...call, status: 503, body: 'no servers' });
    expect(unavailable.kind).toBe('unavailable');
    expect(unavailable.retryable).toBe(true);
  });
});
