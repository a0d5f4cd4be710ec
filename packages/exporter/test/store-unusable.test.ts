import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  context,
  type DiagLogger,
  DiagLogLevel,
  diag,
  propagation,
  trace,
} from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterEach, describe, expect, it } from 'vitest';
import { AGLSpanExporter, AGLSpanProcessor } from '../src/index.ts';
import { syntheticRun } from './support/synthetic-runs.ts';

function warnings(): { lines: string[]; logger: DiagLogger } {
  const lines: string[] = [];
  const ignore = () => {};
  return {
    lines,
    logger: {
      warn: (message) => lines.push(message),
      error: ignore,
      info: ignore,
      debug: ignore,
      verbose: ignore,
    },
  };
}

let provider: NodeTracerProvider | undefined;
let server: Server | undefined;
afterEach(async () => {
  await provider?.shutdown();
  provider = undefined;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  diag.disable();
  trace.disable();
  context.disable();
  propagation.disable();
});

function start(endpoint: string) {
  const exporter = new AGLSpanExporter({ endpoint, retryDelayMs: 100 });
  provider = new NodeTracerProvider({ spanProcessors: [new AGLSpanProcessor({ exporter })] });
  provider.register();
  return { exporter, tracer: provider.getTracer('unusable') };
}

describe('AGLSpanExporter when the store cannot be used', () => {
  it('warns once, counts the runs as lost and keeps nothing queued', async () => {
    server = createServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not AGL</h1>');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { lines, logger } = warnings();
    diag.setLogger(logger, DiagLogLevel.WARN);
    const { exporter, tracer } = start(`http://127.0.0.1:${port}`);
    syntheticRun(tracer, 'first');
    await provider?.forceFlush();
    for (let i = 0; i < 3; i++) syntheticRun(tracer, `later-${i}`);
    await provider?.forceFlush();
    const stats = exporter.getStats();
    expect(stats.rollouts.lost).toBe(4);
    expect(stats.rollouts.active).toBe(0);
    expect(stats.spans.queued).toBe(0);
    expect(stats.spans.dropped.store_unusable).toBe(16);
    const said = lines.filter((line) => line.includes('cannot take spans'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('not like an AGL 0.2 or 0.3 store');
  });

  it('says once what it dropped as outside any run and how to mark runs', async () => {
    const { lines, logger } = warnings();
    diag.setLogger(logger, DiagLogLevel.WARN);
    const { exporter, tracer } = start('http://127.0.0.1:9');
    tracer.startSpan('GET /health').end();
    tracer.startSpan('GET /health').end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exporter.getStats().spans.dropped.outside_run).toBe(2);
    const said = lines.filter((line) => line.includes('belong to no agent run'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('aglRun(name, fn)');
  });
});
