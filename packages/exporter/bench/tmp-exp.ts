import { runCase } from './child-case.ts';

const [url, transport, ...ks] = process.argv.slice(2);
for (const k of ks) {
  const r = await runCase<Record<string, number>>(
    new URL('./throughput/exporter-case.ts', import.meta.url).pathname,
    { url, transport, runs: 300, ...(k === 'burst' ? {} : { maxOpenRuns: Number(k) }) },
    { verbose: true },
  );
  console.log(
    transport,
    k,
    Math.round(r.spansPerSecond),
    r.seconds.toFixed(2),
    r.cpuSeconds,
    r.peakQueued,
  );
}
