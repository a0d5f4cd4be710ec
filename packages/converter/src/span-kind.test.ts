import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { spanKindName } from './span-kind.ts';

describe('spanKindName', () => {
  it('writes the Python enum names', () => {
    expect(spanKindName(SpanKind.INTERNAL)).toBe('SpanKind.INTERNAL');
    expect(spanKindName(SpanKind.SERVER)).toBe('SpanKind.SERVER');
    expect(spanKindName(SpanKind.CLIENT)).toBe('SpanKind.CLIENT');
    expect(spanKindName(SpanKind.PRODUCER)).toBe('SpanKind.PRODUCER');
    expect(spanKindName(SpanKind.CONSUMER)).toBe('SpanKind.CONSUMER');
  });

  it('falls back to INTERNAL for unknown kinds', () => {
    expect(spanKindName(undefined)).toBe('SpanKind.INTERNAL');
    expect(spanKindName(42 as SpanKind)).toBe('SpanKind.INTERNAL');
  });
});
