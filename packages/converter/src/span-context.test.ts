import { type SpanContext, TraceFlags } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { describe, expect, it } from 'vitest';
import { toAglSpanContext } from './span-context.ts';

const base: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
};

describe('toAglSpanContext', () => {
  it('writes ids, is_remote and an empty trace state', () => {
    expect(toAglSpanContext(base)).toEqual({
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      is_remote: false,
      trace_state: {},
    });
  });

  it('keeps is_remote and turns the W3C trace state into a map', () => {
    const context = {
      ...base,
      isRemote: true,
      traceState: new TraceState('rojo=00f067aa,congo=t61'),
    };
    expect(toAglSpanContext(context)).toEqual({
      trace_id: base.traceId,
      span_id: base.spanId,
      is_remote: true,
      trace_state: { rojo: '00f067aa', congo: 't61' },
    });
  });

  it('survives a trace state that throws', () => {
    const traceState = {
      serialize: () => {
        throw new Error('no');
      },
    } as unknown as TraceState;
    expect(toAglSpanContext({ ...base, traceState }).trace_state).toEqual({});
  });
});
