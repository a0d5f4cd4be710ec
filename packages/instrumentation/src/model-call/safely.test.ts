import { describe, expect, it } from 'vitest';
import { errorMessage, safely, toException } from './safely.ts';

describe('safely', () => {
  it('returns the result, or undefined when the action throws', () => {
    expect(safely(() => 4)).toBe(4);
    expect(
      safely(() => {
        throw new Error('recording failed');
      }),
    ).toBeUndefined();
  });
});

describe('errorMessage and toException', () => {
  it('keep Errors and describe anything else as text', () => {
    const error = new Error('boom');
    expect(errorMessage(error)).toBe('boom');
    expect(toException(error)).toBe(error);
    expect(errorMessage('plain')).toBe('plain');
    expect(toException({ code: 429 })).toBe('{"code":429}');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(errorMessage(circular)).toBe('[object Object]');
  });
});
