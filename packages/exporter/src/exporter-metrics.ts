import { type Meter, metrics } from '@opentelemetry/api';
import type { ExporterStats } from './exporter-stats.ts';

/**
 * Publishes the exporter's stats as OpenTelemetry metrics, read when a MeterProvider collects.
 * With no MeterProvider registered the API hands out a no-op meter, so this costs nothing.
 */
export function registerExporterMetrics(
  read: () => ExporterStats,
  meter: Meter = metrics.getMeter('@agl/exporter'),
): void {
  const spans = meter.createObservableCounter('agl.exporter.spans', {
    description: 'Spans by outcome: exported, dropped (by reason), failed, retried',
    unit: '{span}',
  });
  const queued = meter.createObservableGauge('agl.exporter.spans.queued', {
    description: 'Spans waiting for delivery or for their agent span',
    unit: '{span}',
  });
  const rollouts = meter.createObservableCounter('agl.exporter.rollouts', {
    description: 'Rollouts started, finished and re-created after a store restart',
    unit: '{rollout}',
  });
  const inFlight = meter.createObservableGauge('agl.exporter.requests.in_flight', {
    description: 'HTTP requests to the AGL store in flight',
    unit: '{request}',
  });
  meter.addBatchObservableCallback(
    (result) => {
      const stats = read();
      result.observe(spans, stats.spans.exported, { outcome: 'exported' });
      result.observe(spans, stats.spans.failed, { outcome: 'failed' });
      result.observe(spans, stats.spans.retried, { outcome: 'retried' });
      for (const [reason, count] of Object.entries(stats.spans.dropped)) {
        result.observe(spans, count, { outcome: 'dropped', reason });
      }
      result.observe(queued, stats.spans.queued, { state: 'queued' });
      result.observe(queued, stats.spans.held, { state: 'held' });
      result.observe(rollouts, stats.rollouts.started, { event: 'started' });
      result.observe(rollouts, stats.rollouts.finished, { event: 'finished' });
      result.observe(rollouts, stats.rollouts.recreated, { event: 'recreated' });
      result.observe(inFlight, stats.requestsInFlight);
    },
    [spans, queued, rollouts, inFlight],
  );
}
