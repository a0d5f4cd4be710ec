import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

/** Runs `fn` with tracing suppressed, so the exporter's own HTTP calls make no spans. */
export function withoutTracing<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(context.active()), fn);
}
