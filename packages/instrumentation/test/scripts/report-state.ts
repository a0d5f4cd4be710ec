// Imports the register entry, records spans, and reports what it did to the process.
import '@agl/instrumentation/register';
import { aglHandles } from '@agl/instrumentation';
import { ProxyTracerProvider, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('app');
tracer.startActiveSpan(
  'invoke_agent quiet',
  { attributes: { 'gen_ai.operation.name': 'invoke_agent' } },
  (span) => {
    span.end();
  },
);
const provider = trace.getTracerProvider();
const delegate = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
await new Promise((resolve) => setTimeout(resolve, 300));
console.log(
  JSON.stringify({ handles: aglHandles() !== null, provider: delegate.constructor.name }),
);
