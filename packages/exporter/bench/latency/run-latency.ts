import { join } from 'node:path';
import { type AglVersion, healthPath } from '@agl/testkit';
import { runCase } from '../child-case.ts';
import { log } from '../log.ts';
import type { BenchPlan } from '../plan.ts';
import type { LatencyResult } from '../results.ts';
import { distribution } from '../stats.ts';
import type { StorePool } from '../store-pool.ts';
import type { LatencyArgs, LatencyCaseResult } from './latency-case.ts';

/**
 * Asks the store's health route every 10 ms from this process (not the app's) while `during`
 * runs: when those answers are slow too, a slow span was the store's doing, not the exporter's.
 */
async function probeStore<T>(
  url: string,
  during: Promise<T>,
): Promise<{ result: T; probesMs: number[] }> {
  let running = true;
  const probesMs: number[] = [];
  const probing = (async () => {
    while (running) {
      const sent = performance.now();
      try {
        await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).text();
        probesMs.push(performance.now() - sent);
      } catch {
        probesMs.push(performance.now() - sent);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  try {
    return { result: await during, probesMs };
  } finally {
    running = false;
    await probing;
  }
}

/** Span end → readable in a fresh store of `version`, with the exporter's default transport. */
export async function runLatency(
  plan: BenchPlan['latency'],
  pool: StorePool,
  version: AglVersion,
  verbose: boolean,
): Promise<LatencyResult> {
  log(`latency on AGL ${version}: ${plan.spansPerSecond} spans/s for ${plan.seconds} s`);
  const server = await pool.take(version);
  try {
    const args: LatencyArgs = {
      url: server.url,
      seconds: plan.seconds,
      spansPerSecond: plan.spansPerSecond,
      sampleEveryRuns: plan.sampleEveryRuns,
    };
    const { result, probesMs } = await probeStore(
      server.url + healthPath(version),
      runCase<LatencyCaseResult>(join(import.meta.dirname, 'latency-case.ts'), args, { verbose }),
    );
    const readable = distribution(result.latenciesMs);
    const storeHealth = distribution(probesMs);
    log(
      `  p50 ${readable.p50.toFixed(1)} ms, p99 ${readable.p99.toFixed(1)} ms over ${readable.count} spans${result.missing ? `, ${result.missing} never seen` : ''}; slowest store health check ${storeHealth.max.toFixed(0)} ms`,
    );
    return {
      version,
      transport: version === '0.2.2' ? 'rest (add_span per span)' : 'otlp (default)',
      spansPerSecond: plan.spansPerSecond,
      runs: result.runs,
      sampledSpans: result.sampledSpans,
      missing: result.missing,
      readable,
      pollIntervalMs: result.pollIntervalMs,
      storeHealthMs: storeHealth,
      storeStallsOver100Ms: probesMs.filter((ms) => ms > 100).length,
      appEventLoopDelayMs: result.eventLoopDelayMs,
      slowestSpans: [...result.samples].sort((a, b) => b[2] - a[2]).slice(0, 20),
      exported: result.exported,
      retried: result.retried,
      dropped: result.dropped,
      lastError: result.lastError,
    };
  } finally {
    await server.stop();
  }
}
