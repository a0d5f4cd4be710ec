import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { getDatasetPost } from '../src/dataset/posts.ts';
import { createMastra } from '../src/mastra.ts';
import { createOtelObservability } from '../src/otel-observability.ts';
import { createPostAnalyzer } from '../src/post-analyzer.ts';
import { scriptedModel } from '../test/support/scripted-model.ts';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
const mastra = createMastra({
  model: scriptedModel().model,
  observability: createOtelObservability({ tracerProvider: provider }),
  logger: false,
});
await createPostAnalyzer(mastra).analyze({ ...getDatasetPost('post-002').post }, { route: 'x' });
for (const s of exporter.getFinishedSpans().filter((s) => s.name === 'agent_step postAnalyzer'))
  console.log(
    s.attributes['mastra.model_step.step_index'],
    s.attributes['mastra.model_step.input'],
  );
for (const s of exporter.getFinishedSpans().filter((s) => s.name.startsWith('model_generation')))
  console.log(String(s.attributes['mastra.model_generation.input']).slice(0, 3000));
