import { type AglStore, ATTEMPT_ID_KEY, ROLLOUT_ID_KEY, SPAN_SEQUENCE_ID_KEY } from '@agl/client';
import type { HrTime } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { PreparedSpan } from './prepared-span.ts';
import { withoutTracing } from './without-tracing.ts';

function secondsToHrTime(seconds: number): HrTime {
  const whole = Math.floor(seconds);
  return [whole, Math.round((seconds - whole) * 1e9)];
}

/** The normalised span in the shape the OTLP serializer reads, with AGL's placement ids. */
function otlpShape(span: PreparedSpan): ReadableSpan {
  const { agl, frame } = span;
  return {
    name: agl.name,
    kind: frame.kind,
    spanContext: () => frame.spanContext,
    // The converter may re-parent a span (e.g. a tool call under the model call that issued it).
    ...(agl.parent_id
      ? {
          parentSpanContext: {
            traceId: frame.spanContext.traceId,
            spanId: agl.parent_id,
            traceFlags: frame.parentSpanContext?.traceFlags ?? frame.spanContext.traceFlags,
            isRemote: frame.parentSpanContext?.isRemote ?? false,
          },
        }
      : {}),
    startTime: frame.startTime,
    endTime: frame.endTime,
    status: frame.status,
    attributes: {
      ...agl.attributes,
      // AGL 0.3 places an OTLP span by these span attributes (they override resource attributes).
      [ROLLOUT_ID_KEY]: agl.rollout_id,
      [ATTEMPT_ID_KEY]: agl.attempt_id,
      [SPAN_SEQUENCE_ID_KEY]: agl.sequence_id,
    },
    links: agl.links.map((link) => ({
      context: {
        traceId: link.context.trace_id,
        spanId: link.context.span_id,
        traceFlags: 1,
        isRemote: link.context.is_remote,
      },
      attributes: link.attributes ?? {},
    })),
    events: agl.events.map((event) => ({
      name: event.name,
      attributes: event.attributes,
      time: event.timestamp === null ? frame.startTime : secondsToHrTime(event.timestamp),
    })),
    duration: frame.duration,
    ended: true,
    resource: frame.resource,
    instrumentationScope: frame.instrumentationScope,
    droppedAttributesCount: frame.droppedAttributesCount,
    droppedEventsCount: frame.droppedEventsCount,
    droppedLinksCount: frame.droppedLinksCount,
  };
}

/** An OTLP/protobuf ExportTraceServiceRequest for `POST /v1/traces`. */
export function otlpRequestBody(spans: PreparedSpan[]): Uint8Array {
  const body = ProtobufTraceSerializer.serializeRequest(spans.map(otlpShape));
  if (!body) throw new Error('OTLP serializer produced no request body');
  return body;
}

/** Sends spans (ids already set) in one OTLP request; throws what the store answered. */
export async function sendOtlp(store: AglStore, spans: PreparedSpan[]): Promise<void> {
  const body = otlpRequestBody(spans);
  await withoutTracing(() => store.exportOtlpTraces(body));
}
