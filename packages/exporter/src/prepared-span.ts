import type { Span as AglSpan } from '@agl/client';
import type { AglSpanConverter } from '@agl/converter';
import type { HrTime, SpanContext, SpanKind, SpanStatus } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** What OTLP needs of the original span beyond the converted fields (no attribute values). */
export interface OtelFrame {
  kind: SpanKind;
  spanContext: SpanContext;
  parentSpanContext: SpanContext | undefined;
  startTime: HrTime;
  endTime: HrTime;
  duration: HrTime;
  status: SpanStatus;
  resource: ReadableSpan['resource'];
  instrumentationScope: ReadableSpan['instrumentationScope'];
  droppedAttributesCount: number;
  droppedEventsCount: number;
  droppedLinksCount: number;
}

export type DeliveryState = 'unsent' | 'sending' | 'stored' | 'lost';

/**
 * A span converted once, when it reaches the engine: safe, bounded and normalised, so the
 * original (with its possibly huge attribute values) is not kept. The ids are filled in when it
 * is sent, because the rollout may not exist yet (or may be created again).
 */
export interface PreparedSpan {
  agl: AglSpan;
  frame: OtelFrame;
  sequenceId: number | undefined;
  bytes: number;
  state: DeliveryState;
  /** Failed sends so far (a span the store keeps refusing is given up). */
  attempts: number;
}

// Valid placeholders: the converter checks ids, the real ones are set at send time.
const PENDING_IDS = { rolloutId: 'pending', attemptId: 'pending', sequenceId: 0 };

function estimateBytes(span: AglSpan): number {
  let bytes = 400 + span.name.length;
  for (const key in span.attributes) {
    const value = span.attributes[key];
    bytes += key.length + (typeof value === 'string' ? value.length * 2 : 16);
  }
  return bytes + span.events.length * 100;
}

export function prepareSpan(converter: AglSpanConverter, span: ReadableSpan): PreparedSpan {
  const agl = converter.convert(span, PENDING_IDS);
  return {
    agl,
    frame: {
      kind: span.kind,
      spanContext: span.spanContext(),
      parentSpanContext: span.parentSpanContext,
      startTime: span.startTime,
      endTime: span.endTime,
      duration: span.duration,
      status: span.status,
      resource: span.resource,
      instrumentationScope: span.instrumentationScope,
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
    },
    sequenceId: undefined,
    bytes: estimateBytes(agl),
    state: 'unsent',
    attempts: 0,
  };
}

/** The AGL span with its rollout, attempt and sequence ids. */
export function withIds(span: PreparedSpan, rolloutId: string, attemptId: string): AglSpan {
  span.agl.rollout_id = rolloutId;
  span.agl.attempt_id = attemptId;
  span.agl.sequence_id = span.sequenceId ?? 0;
  return span.agl;
}
