import { join } from 'node:path';
import { runCase } from '../child-case.ts';
import { log } from '../log.ts';
import type { BenchPlan } from '../plan.ts';
import type { HotPathResult } from '../results.ts';
import type { StorePool } from '../store-pool.ts';
import type { HotPathArgs, HotPathCaseResult, HotPathSetup } from './hot-path-case.ts';

const CASE = join(import.meta.dirname, 'hot-path-case.ts');

/** Hot path of span start + end in the app: each setup in a process of its own. */
export async function runHotPath(
  plan: BenchPlan['hotPath'],
  pool: StorePool,
  verbose: boolean,
): Promise<HotPathResult> {
  log('hot path: span start + end on the app stack (tinybench)');
  const result: HotPathResult = { cases: [], totalCpu: [], aglStats: null };
  for (const setup of ['agl', 'agl-controls', 'batch', 'none'] as HotPathSetup[]) {
    const server = setup.startsWith('agl') ? await pool.take('0.3.0') : undefined;
    try {
      const args: HotPathArgs = {
        setup,
        url: server?.url ?? 'http://127.0.0.1:9',
        iterations: plan.iterations,
        warmupIterations: plan.warmupIterations,
      };
      const one = await runCase<HotPathCaseResult>(CASE, args, { verbose });
      result.cases.push(...one.cases);
      result.totalCpu.push(one.totalCpu);
      if (one.aglStats && setup === 'agl') result.aglStats = one.aglStats;
      for (const c of one.cases) {
        log(
          `  ${c.label}, ${c.inRun ? 'in an agent run' : 'outside runs'}: ${Math.round(c.nsPerSpan)} ns/span`,
        );
      }
    } finally {
      await server?.stop();
    }
  }
  return result;
}
