// Plays Next.js: calls the instrumentation hook, then serves one "request" that runs an agent.
import { register } from '../../examples/nextjs-instrumentation.ts';

await register();
const { mastra } = await import('../../examples/mastra-dev-entry.ts');
const result = await mastra.getAgent('greeter').generate('hello from a route handler');
console.log(JSON.stringify({ traceId: result.traceId }));
