// Pointed at an AGL 1.x agl-server (no spans), the exporter says so once and keeps the app safe.
import { useAglServer } from '@agl/testkit/vitest';
import { context, DiagLogLevel, diag, propagation, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterEach, describe, expect, it } from 'vitest';
import { AGLSpanExporter, AGLSpanProcessor } from '../src/index.ts';
import { syntheticRun } from './support/synthetic-runs.ts';

afterEach(() => {
  trace.disable();
  context.disable();
  propagation.disable();
  diag.disable();
});

describe('AGLSpanExporter pointed at agl-server 1.0.2', () => {
  const server = useAglServer();

  it('warns once that AGL 1.0 takes no spans, and neither crashes nor hangs', async () => {
    const warnings: string[] = [];
    const record = (message: string) => warnings.push(message);
    const ignore = () => {};
    diag.setLogger(
      { error: record, warn: record, info: ignore, debug: ignore, verbose: ignore },
      DiagLogLevel.WARN,
    );
    const exporter = new AGLSpanExporter({
      endpoint: server.url,
      retryDelayMs: 50,
      flushTimeoutMs: 3_000,
      shutdownTimeoutMs: 3_000,
      client: { retry: false, healthProbe: false, timeoutMs: 2_000 },
    });
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'agl-1-test' }),
      spanProcessors: [new AGLSpanProcessor({ exporter })],
    });
    const tracer = provider.getTracer('test');
    for (let run = 0; run < 3; run++) syntheticRun(tracer, `run-${run}`);
    await provider.forceFlush();
    for (let run = 3; run < 6; run++) syntheticRun(tracer, `run-${run}`);
    await provider.forceFlush();
    await provider.shutdown();

    const about1 = warnings.filter((message) => message.includes('AGL 1.0 takes no spans'));
    expect(about1).toHaveLength(1);
    expect(about1[0]).toMatch(/agl:worker.*harness/s);
    // Nothing reached the server as a rollout: AGL 1.0 keeps no spans, and we never pretend it does.
    const listed = await fetch(
      `${server.url}/api/rollouts?state_in=queuing&state_in=running&state_in=succeeded`,
    );
    expect(await listed.json()).toEqual([]);
  });
});
