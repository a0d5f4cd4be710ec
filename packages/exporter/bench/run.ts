// `pnpm bench`: the exporter's benchmark suite against real AGL stores. See docs/bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { parseBenchOptions, USAGE } from './bench-options.ts';
import { runHotPath } from './hot-path/run-hot-path.ts';
import { runLatency } from './latency/run-latency.ts';
import { log } from './log.ts';
import { describeMachine } from './machine.ts';
import { runMemory } from './memory/run-memory.ts';
import { benchPlan } from './plan.ts';
import { PythonBench } from './python-worker.ts';
import { renderMarkdown } from './report/markdown.ts';
import type { BenchResults } from './results.ts';
import { StorePool } from './store-pool.ts';
import { runThroughput, storesNeeded } from './throughput/run-throughput.ts';
import { writeWorkloadFile } from './workload/workload-file.ts';

let options: ReturnType<typeof parseBenchOptions>;
try {
  options = parseBenchOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const started = Date.now();
const plan = benchPlan(options.quick);
const sections = new Set(options.sections);
log(`${options.quick ? 'quick' : 'full'} run: ${options.sections.join(', ')}`);
const machine = await describeMachine();
const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  quick: options.quick,
  machine,
  plan,
  throughput: [],
  hotPath: null,
  memory: null,
  latency: [],
  durationSeconds: 0,
};

const pool = new StorePool();
try {
  if (sections.has('throughput')) {
    const workloadFile = writeWorkloadFile();
    for (const version of SUPPORTED_AGL_VERSIONS) {
      log(`starting ${storesNeeded(version)} fresh AGL ${version} stores and AGL's Python client`);
      pool.prepare(version, storesNeeded(version));
      const [python] = await Promise.all([PythonBench.start(version), pool.ready()]);
      try {
        results.throughput.push(
          await runThroughput(
            { pool, python, workloadFile, plan: plan.throughput, verbose: options.verbose },
            version,
          ),
        );
      } finally {
        python.close();
      }
    }
  }
  // Stores for the remaining sections start together, before any of them is measured.
  if (sections.has('hotpath')) pool.prepare('0.3.0', 2);
  if (sections.has('memory')) pool.prepare('0.3.0', 1);
  if (sections.has('latency'))
    for (const version of SUPPORTED_AGL_VERSIONS) pool.prepare(version, 1);
  await pool.ready();
  if (sections.has('hotpath')) {
    results.hotPath = await runHotPath(plan.hotPath, pool, options.verbose);
  }
  if (sections.has('memory')) results.memory = await runMemory(plan.memory, pool, options.verbose);
  if (sections.has('latency')) {
    for (const version of SUPPORTED_AGL_VERSIONS) {
      results.latency.push(await runLatency(plan.latency, pool, version, options.verbose));
    }
  }
} finally {
  await pool.stopAll();
}

results.machine.loadAverageEnd = loadavg()[0] ?? 0;
results.durationSeconds = Math.round((Date.now() - started) / 1000);
const outDir =
  options.outDir ??
  (options.quick ? join(tmpdir(), 'agl-bench') : join(findRepoRoot(), 'docs', 'bench'));
mkdirSync(outDir, { recursive: true });
const jsonFile = join(outDir, 'exporter-bench.json');
const markdownFile = join(outDir, 'exporter-bench.md');
writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(markdownFile, renderMarkdown(results));
log(`done in ${results.durationSeconds} s: ${markdownFile} and exporter-bench.json`);
