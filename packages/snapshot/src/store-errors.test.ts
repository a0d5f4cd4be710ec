import { describe, expect, it } from 'vitest';
import { describeError, isRecordError, isUnreachableError } from './store-errors.ts';

const withKind = (kind: string) => Object.assign(new Error(`${kind} failure`), { kind });

describe('store error classification', () => {
  it('treats unavailable and timeout as unreachable', () => {
    expect(isUnreachableError(withKind('unavailable'))).toBe(true);
    expect(isUnreachableError(withKind('timeout'))).toBe(true);
    expect(isUnreachableError(withKind('not_found'))).toBe(false);
    expect(isUnreachableError(withKind('protocol'))).toBe(false);
  });

  it('recognises raw network errors and their causes', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(isUnreachableError(refused)).toBe(true);
    expect(isUnreachableError(new Error('boom'))).toBe(false);
  });

  it('treats errors about one record as record errors', () => {
    expect(isRecordError(withKind('not_found'))).toBe(true);
    expect(isRecordError(withKind('application'))).toBe(true);
    expect(isRecordError(withKind('unavailable'))).toBe(false);
    expect(isRecordError(new Error('plain'))).toBe(false);
  });

  it('describes errors on one line, naming refused connections', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(describeError(refused)).toBe('connection refused (fetch failed)');
    expect(describeError(new Error('first\nsecond'))).toBe('first');
    expect(describeError('text')).toBe('text');
  });
});
