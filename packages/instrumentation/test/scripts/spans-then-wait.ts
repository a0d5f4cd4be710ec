// An app that records one agent run, then keeps running until a signal arrives.
import '@agl/instrumentation/register';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('app');
const traceId = tracer.startActiveSpan(
  'invoke_agent waiter',
  { attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'waiter' } },
  (span) => {
    tracer.startSpan('chat model', { attributes: { 'gen_ai.operation.name': 'chat' } }).end();
    span.end();
    return span.spanContext().traceId;
  },
);
console.log(JSON.stringify({ traceId }));
if (process.env.APP_HANDLES_SIGTERM === '1') {
  process.on('SIGTERM', () => {
    console.log('app handler ran');
    setTimeout(() => process.exit(0), 500);
  });
}
setInterval(() => {}, 1_000);
