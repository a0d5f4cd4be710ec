import type { AglStore } from '@agl/client';
import { createAglSpanConverter } from '@agl/converter';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { emitAgentRun, SPANS_PER_RUN } from './agent-run.ts';

export interface PrebuiltSpans {
  /** JSON bodies for `add_span` (0.2) / `POST /v1/agl/spans` (0.3), each span once. */
  bodies: string[];
  rolloutIds: string[];
}

/**
 * Builds `runs` agent runs with the real OpenTelemetry SDK, converts every span exactly as the
 * exporter does, and serialises it: the bodies a perfect client would send, one request per span.
 * The spans go into `rolloutCount` rollouts created here (round robin, increasing sequence ids).
 */
export async function prebuildAddSpanBodies(
  store: AglStore,
  runs: number,
  rolloutCount: number,
  firstRun = 0,
): Promise<PrebuiltSpans> {
  const rollouts: Array<{ rolloutId: string; attemptId: string; next: number }> = [];
  for (let i = 0; i < Math.min(rolloutCount, runs); i++) {
    const created = await store.startRollout({
      input: { bench: 'ceiling' },
      mode: null,
      metadata: {},
    });
    rollouts.push({
      rolloutId: created.rollout_id,
      attemptId: created.attempt.attempt_id,
      next: 1,
    });
  }
  const collected = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'agl-bench' }),
    spanProcessors: [new SimpleSpanProcessor(collected)],
  });
  const tracer = provider.getTracer('agl-bench');
  const converter = createAglSpanConverter();
  const bodies: string[] = [];
  for (let run = 0; run < runs; run++) {
    emitAgentRun(tracer, firstRun + run);
    const rollout = rollouts[run % rollouts.length];
    if (!rollout) throw new Error('no rollout to add spans to');
    for (const span of collected.getFinishedSpans()) {
      const converted = converter.convert(span, {
        rolloutId: rollout.rolloutId,
        attemptId: rollout.attemptId,
        sequenceId: rollout.next++,
      });
      bodies.push(JSON.stringify(converted));
    }
    collected.reset();
  }
  await provider.shutdown();
  if (bodies.length !== runs * SPANS_PER_RUN) {
    throw new Error(`built ${bodies.length} spans, expected ${runs * SPANS_PER_RUN}`);
  }
  return { bodies, rolloutIds: rollouts.map((r) => r.rolloutId) };
}
