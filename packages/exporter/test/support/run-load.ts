import { context, type Tracer, trace } from '@opentelemetry/api';

export interface LoadRun {
  traceId: string;
  startedAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One agent run whose children end over a few milliseconds, so runs straddle whatever happens. */
async function slowRun(tracer: Tracer, name: string, children: number, runs: LoadRun[]) {
  const root = tracer.startSpan(`invoke_agent ${name}`, {
    attributes: {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': name,
      'mastra.agent_run.input': JSON.stringify({ run: name }),
    },
  });
  runs.push({ traceId: root.spanContext().traceId, startedAt: Date.now() });
  const ctx = trace.setSpan(context.active(), root);
  for (let i = 0; i < children; i++) {
    await sleep(Math.random() * 4);
    tracer
      .startSpan(
        'chat test-model',
        { attributes: { 'gen_ai.operation.name': 'chat', step: i } },
        ctx,
      )
      .end();
  }
  root.end();
}

/**
 * Keeps `users` loops making agent runs (`children` + 1 spans each) until `stop()`, which
 * resolves with every run started and when it started.
 */
export function startRunLoad(
  tracer: Tracer,
  options: { users: number; children: number; pauseMs: number },
): { stop(): Promise<LoadRun[]> } {
  const runs: LoadRun[] = [];
  let stopped = false;
  const loops = Array.from({ length: options.users }, async (_, user) => {
    for (let n = 0; !stopped; n++) {
      await slowRun(tracer, `load-${user}-${n}`, options.children, runs);
      await sleep(options.pauseMs);
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return runs;
    },
  };
}
