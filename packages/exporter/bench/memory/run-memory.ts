import { join } from 'node:path';
import { startFaultProxy } from '@agl/testkit';
import { type CaseEvent, runCase } from '../child-case.ts';
import { log } from '../log.ts';
import type { BenchPlan } from '../plan.ts';
import type { MemoryResult } from '../results.ts';
import type { StorePool } from '../store-pool.ts';
import type { OutageArgs, OutageCaseResult } from './outage-case.ts';
import { summarizeOutage } from './summarize.ts';

const MIB = 2 ** 20;

/**
 * Memory through a long outage: the app runs at a fixed span rate against a fresh 0.3 store behind
 * a fault proxy; after a healthy start the proxy stalls every byte (a hung store: connections
 * open, no answers), then passes again. The app runs in its own process, sampled every 250 ms.
 */
export async function runMemory(
  plan: BenchPlan['memory'],
  pool: StorePool,
  verbose: boolean,
): Promise<MemoryResult> {
  log(
    `memory: ${plan.spansPerSecond} spans/s, ${plan.healthySeconds} s healthy, ${plan.outageSeconds} s outage (stalled store), ${plan.recoverySeconds} s after`,
  );
  const server = await pool.take('0.3.0');
  const proxy = await startFaultProxy(server.port);
  const timers: NodeJS.Timeout[] = [];
  const phases = { start: 0, outageStart: 0, outageEnd: 0, end: 0 };
  try {
    const args: OutageArgs = {
      url: proxy.url,
      spansPerSecond: plan.spansPerSecond,
      seconds: plan.healthySeconds + plan.outageSeconds + plan.recoverySeconds,
      maxQueueSpans: plan.maxQueueSpans,
      maxQueueBytes: plan.maxQueueBytes,
      sampleMs: 250,
      gcEveryMs: 1000,
    };
    const onEvent = (event: CaseEvent) => {
      if (event.name !== 'generating') return;
      phases.start = event.at;
      timers.push(
        setTimeout(() => {
          phases.outageStart = Date.now();
          proxy.setMode({ kind: 'stall' });
          log('  store stalled');
        }, plan.healthySeconds * 1000),
        setTimeout(
          () => {
            phases.outageEnd = Date.now();
            proxy.setMode({ kind: 'pass' });
            log('  store back');
          },
          (plan.healthySeconds + plan.outageSeconds) * 1000,
        ),
      );
    };
    const result = await runCase<OutageCaseResult>(
      join(import.meta.dirname, 'outage-case.ts'),
      args,
      {
        nodeFlags: ['--expose-gc'],
        onEvent,
        verbose,
      },
    );
    phases.end = result.samples.at(-1)?.at ?? Date.now();
    const summary = summarizeOutage(result.samples, phases);
    log(
      `  retained heap: ${(summary.baselineRetainedHeap / MIB).toFixed(1)} MiB healthy, +${(summary.outageGrowth / MIB).toFixed(1)} MiB at the end of the outage (bound ${(plan.maxQueueBytes / MIB).toFixed(0)} MiB), peak RSS ${(summary.peakRss / MIB).toFixed(0)} MiB`,
    );
    return {
      ...plan,
      outage: 'stall',
      phases,
      summary,
      spansOffered: result.spansOffered,
      stats: result.stats,
      samples: result.samples,
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    await proxy.stop();
    await server.stop();
  }
}
