import type { SpanContext as AglSpanContext } from '@agl/client';
import type { SpanContext } from '@opentelemetry/api';
import { toWellFormed } from './attributes/well-formed-string.ts';
import { formatSpanId, formatTraceId } from './ids.ts';

/** An OpenTelemetry span context as AGL's `SpanContext`: hex ids, `is_remote`, and the W3C
 * trace state as a key → value map. */
export function toAglSpanContext(context: SpanContext): AglSpanContext {
  return {
    trace_id: formatTraceId(context.traceId),
    span_id: formatSpanId(context.spanId),
    is_remote: context.isRemote === true,
    trace_state: traceStateMap(context),
  };
}

/** `k1=v1,k2=v2` (W3C tracestate, as `TraceState.serialize()` writes it) as a map. */
export function traceStateMap(context: SpanContext): Record<string, string> {
  const map: Record<string, string> = {};
  let serialized: string;
  try {
    serialized = context.traceState?.serialize() ?? '';
  } catch {
    return map;
  }
  if (serialized === '') return map;
  for (const member of serialized.split(',')) {
    const separator = member.indexOf('=');
    if (separator <= 0) continue;
    const key = toWellFormed(member.slice(0, separator).trim());
    if (key === '__proto__' || Object.hasOwn(map, key)) continue;
    map[key] = toWellFormed(member.slice(separator + 1).trim());
  }
  return map;
}
