import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { registerExporterMetrics } from './exporter-metrics.ts';
import { emptyStats } from './exporter-stats.ts';

describe('registerExporterMetrics', () => {
  it('reports the stats through a MeterProvider', async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
    const provider = new MeterProvider({ readers: [reader] });
    const stats = emptyStats();
    stats.spans.exported = 7;
    stats.spans.dropped.queue_full = 2;
    stats.spans.queued = 3;
    stats.rollouts.started = 4;
    registerExporterMetrics(() => stats, provider.getMeter('test'));
    await reader.forceFlush();
    const metrics = exporter.getMetrics().flatMap((m) => m.scopeMetrics.flatMap((s) => s.metrics));
    const points = (name: string) =>
      metrics
        .find((m) => m.descriptor.name === name)
        ?.dataPoints.map((p) => [p.attributes, p.value]) ?? [];
    expect(points('agl.exporter.spans')).toContainEqual([{ outcome: 'exported' }, 7]);
    expect(points('agl.exporter.spans')).toContainEqual([
      { outcome: 'dropped', reason: 'queue_full' },
      2,
    ]);
    expect(points('agl.exporter.spans.queued')).toContainEqual([{ state: 'queued' }, 3]);
    expect(points('agl.exporter.rollouts')).toContainEqual([{ event: 'started' }, 4]);
    await provider.shutdown();
  });
});
