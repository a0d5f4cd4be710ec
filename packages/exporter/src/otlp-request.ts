import type { Span as AglSpan } from '@agl/client';
import type { HrTime } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';

/** Span attributes AGL 0.3 reads to place an OTLP span (they override resource attributes). */
export const OTLP_ROLLOUT_ID = 'agentlightning.rollout_id';
export const OTLP_ATTEMPT_ID = 'agentlightning.attempt_id';
export const OTLP_SEQUENCE_ID = 'agentlightning.span_sequence_id';

function secondsToHrTime(seconds: number): HrTime {
  const whole = Math.floor(seconds);
  return [whole, Math.round((seconds - whole) * 1e9)];
}

/**
 * The span as AGL should store it, in the shape the OTLP serializer reads: the original span's
 * ids, kind, times and links, with the converted (safe, normalised) name, attributes and events,
 * plus the rollout, attempt and sequence ids.
 */
export function toOtlpSpan(original: ReadableSpan, converted: AglSpan): ReadableSpan {
  const events: TimedEvent[] = converted.events.map((event, i) => ({
    name: event.name,
    attributes: event.attributes,
    time:
      event.timestamp === null
        ? (original.events[i]?.time ?? original.startTime)
        : secondsToHrTime(event.timestamp),
  }));
  return {
    name: converted.name,
    kind: original.kind,
    spanContext: () => original.spanContext(),
    ...(original.parentSpanContext ? { parentSpanContext: original.parentSpanContext } : {}),
    startTime: original.startTime,
    endTime: original.endTime,
    status: original.status,
    attributes: {
      ...converted.attributes,
      [OTLP_ROLLOUT_ID]: converted.rollout_id,
      [OTLP_ATTEMPT_ID]: converted.attempt_id,
      [OTLP_SEQUENCE_ID]: converted.sequence_id,
    },
    links: converted.links.map((link, i) => ({
      context: original.links[i]?.context ?? {
        traceId: link.context.trace_id,
        spanId: link.context.span_id,
        traceFlags: 1,
        isRemote: link.context.is_remote,
      },
      attributes: link.attributes ?? {},
    })),
    events,
    duration: original.duration,
    ended: true,
    resource: original.resource,
    instrumentationScope: original.instrumentationScope,
    droppedAttributesCount: original.droppedAttributesCount,
    droppedEventsCount: original.droppedEventsCount,
    droppedLinksCount: original.droppedLinksCount,
  };
}

/** An OTLP/protobuf ExportTraceServiceRequest for `POST /v1/traces`. */
export function otlpRequestBody(spans: ReadableSpan[]): Uint8Array {
  const body = ProtobufTraceSerializer.serializeRequest(spans);
  if (!body) throw new Error('OTLP serializer produced no request body');
  return body;
}
