import { SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { statusCodeName, statusDescription } from './status.ts';

describe('statusCodeName', () => {
  it('names the three OpenTelemetry status codes as Python does', () => {
    expect(statusCodeName({ code: SpanStatusCode.UNSET })).toBe('UNSET');
    expect(statusCodeName({ code: SpanStatusCode.OK })).toBe('OK');
    expect(statusCodeName({ code: SpanStatusCode.ERROR, message: 'x' })).toBe('ERROR');
  });

  it('treats unknown or missing codes as UNSET', () => {
    expect(statusCodeName(undefined)).toBe('UNSET');
    expect(statusCodeName({ code: 7 as SpanStatusCode })).toBe('UNSET');
  });
});

describe('statusDescription', () => {
  it('keeps a message and maps an absent or empty one to null', () => {
    expect(statusDescription({ code: SpanStatusCode.ERROR, message: 'boom' })).toBe('boom');
    expect(statusDescription({ code: SpanStatusCode.ERROR, message: '' })).toBeNull();
    expect(statusDescription({ code: SpanStatusCode.OK })).toBeNull();
    expect(statusDescription(undefined)).toBeNull();
  });
});
