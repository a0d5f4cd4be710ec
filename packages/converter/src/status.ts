import type { SpanStatusCode } from '@agl/client';
import { SpanStatusCode as OtelStatusCode, type SpanStatus } from '@opentelemetry/api';

/** OpenTelemetry's numeric status code as the enum name AGL's Python side writes. */
export function statusCodeName(status: SpanStatus | undefined): SpanStatusCode {
  switch (status?.code) {
    case OtelStatusCode.OK:
      return 'OK';
    case OtelStatusCode.ERROR:
      return 'ERROR';
    default:
      return 'UNSET';
  }
}

/** The status message, or null when there is none (an empty message counts as none). */
export function statusDescription(status: SpanStatus | undefined): string | null {
  const message = status?.message;
  return typeof message === 'string' && message.length > 0 ? message : null;
}
