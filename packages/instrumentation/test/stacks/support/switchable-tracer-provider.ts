import type { Span, SpanOptions, Tracer, TracerProvider } from '@opentelemetry/api';
import { context as contextApi } from '@opentelemetry/api';

/**
 * A tracer provider that forwards every span to the provider set last, for instrumentations
 * that patch a module once per process (OpenInference's manual hook) while each test suite
 * exports through a provider of its own.
 */
export class SwitchableTracerProvider implements TracerProvider {
  current: TracerProvider | undefined;

  getTracer(name: string, version?: string): Tracer {
    const target = () => {
      if (!this.current) throw new Error('SwitchableTracerProvider: no provider set');
      return this.current.getTracer(name, version);
    };
    const startSpan = (
      spanName: string,
      options?: SpanOptions,
      context = contextApi.active(),
    ): Span => target().startSpan(spanName, options, context);
    return {
      startSpan,
      startActiveSpan: ((...args: unknown[]) =>
        (target().startActiveSpan as (...a: unknown[]) => unknown)(
          ...args,
        )) as Tracer['startActiveSpan'],
    };
  }
}
