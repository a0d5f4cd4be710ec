// An app that set up OpenTelemetry itself (as NodeSDK or Sentry do) before AGL registers.
import { AGLSpanProcessor } from '@agl/exporter';
import { registerAgl } from '@agl/instrumentation';
import { aglMastra } from '@agl/instrumentation/mastra';
import { createOpenAI } from '@ai-sdk/openai';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

const appExporter = new InMemorySpanExporter();
const appProvider = new NodeTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(appExporter)],
});
appProvider.register();

const handles = registerAgl({ serviceName: 'coexisting-app' });
if (!handles) throw new Error('AGL export should be on');

const model = createOpenAI({ baseURL: process.env.AGL_LLM_BASE_URL ?? '', apiKey: 'none' }).chat(
  'agl-offline-1',
) as unknown as MastraModelConfig;
const helper = new Agent({ id: 'helper', name: 'helper', instructions: 'Be brief.', model });
const mastra = new Mastra({ agents: { helper }, ...aglMastra({}, handles), logger: false });
const isolated = await mastra.getAgent('helper').generate('through the isolated provider');

trace.getTracer('app').startActiveSpan('GET /', (span) => span.end());

// The other way: the app puts our processor into its own provider.
const sharedProcessor = new AGLSpanProcessor({
  endpoint: process.env.AGL_ENDPOINT ?? 'http://localhost:4747',
});
const shared = new NodeTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(appExporter), sharedProcessor],
});
const tracer = shared.getTracer('app');
const sharedTrace = tracer.startActiveSpan(
  'invoke_agent sharedAgent',
  { attributes: { 'gen_ai.operation.name': 'invoke_agent' } },
  (span) => {
    tracer.startSpan('chat model').end();
    span.end();
    return span.spanContext().traceId;
  },
);
await shared.forceFlush();
await handles.flush();
console.log(
  JSON.stringify({
    isolated: handles.isolated,
    appSpans: appExporter.getFinishedSpans().length,
    isolatedTrace: isolated.traceId,
    sharedTrace,
  }),
);
await shared.shutdown();
