import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from './network-error.ts';

function error(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyNetworkError', () => {
  it('puts errors raised before anything was sent in the connect phase', () => {
    for (const code of ['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND']) {
      expect(classifyNetworkError(error(code))).toMatchObject({
        type: 'network',
        phase: 'connect',
        code,
      });
    }
  });

  it('puts broken connections in the sent phase', () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']) {
      expect(classifyNetworkError(error(code))).toMatchObject({
        type: 'network',
        phase: 'sent',
        code,
      });
    }
  });

  it('finds the code on a wrapped cause', () => {
    const wrapped = new TypeError('fetch failed', { cause: error('ECONNREFUSED') });
    expect(classifyNetworkError(wrapped)).toMatchObject({ phase: 'connect', code: 'ECONNREFUSED' });
  });

  it('recognises timeouts from undici and from AbortSignal.timeout', () => {
    expect(classifyNetworkError(error('UND_ERR_HEADERS_TIMEOUT')).type).toBe('timeout');
    const aborted = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyNetworkError(aborted).type).toBe('timeout');
  });
});
