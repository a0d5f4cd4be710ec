import { describe, expect, it } from 'vitest';
import { formatSpanId, formatTraceId } from './ids.ts';

describe('formatTraceId / formatSpanId', () => {
  it('returns conforming ids unchanged', () => {
    expect(formatTraceId('4bf92f3577b34da6a3ce929d0e0e4736')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    expect(formatSpanId('00f067aa0ba902b7')).toBe('00f067aa0ba902b7');
  });

  it('lower-cases and zero-pads hex ids', () => {
    expect(formatTraceId('ABCDEF')).toBe(`${'0'.repeat(26)}abcdef`);
    expect(formatSpanId('FF')).toBe('00000000000000ff');
  });

  it('keeps the low-order digits of an over-long hex id', () => {
    expect(formatSpanId('123456789abcdef0123')).toBe('456789abcdef0123');
  });

  it('maps non-hex input to a stable id of the right shape', () => {
    const first = formatTraceId('not-an-id');
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(formatTraceId('not-an-id')).toBe(first);
    expect(formatTraceId('other')).not.toBe(first);
    expect(formatSpanId(undefined)).toMatch(/^[0-9a-f]{16}$/);
  });
});
