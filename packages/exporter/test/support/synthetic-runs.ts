import { context, type Tracer, trace } from '@opentelemetry/api';

/** An agent run as a GenAI-instrumented framework records it: agent span, LLM and tool children. */
export function syntheticRun(tracer: Tracer, name: string, children = 3): string {
  return tracer.startActiveSpan(
    `invoke_agent ${name}`,
    {
      attributes: {
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.agent.name': name,
        'mastra.agent_run.input': JSON.stringify({ run: name }),
      },
    },
    (root) => {
      for (let i = 0; i < children; i++) {
        tracer
          .startSpan(`chat test-model`, {
            attributes: {
              'gen_ai.operation.name': 'chat',
              'gen_ai.request.model': 'test-model',
              step: i,
            },
          })
          .end();
      }
      root.end();
      return root.spanContext().traceId;
    },
  );
}

/** Starts an agent run and returns a function that finishes it (a run that straddles an event). */
export function openRun(tracer: Tracer, name: string): { child(): void; end(): string } {
  const root = tracer.startSpan(`invoke_agent ${name}`, {
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': name },
  });
  const ctx = trace.setSpan(context.active(), root);
  let step = 0;
  return {
    child: () => {
      tracer
        .startSpan(
          'chat test-model',
          { attributes: { 'gen_ai.operation.name': 'chat', step: step++ } },
          ctx,
        )
        .end();
    },
    end: () => {
      root.end();
      return root.spanContext().traceId;
    },
  };
}
