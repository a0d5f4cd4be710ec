import { runCase } from './child-case.ts';

const [url, transport, runs] = process.argv.slice(2);
const r = await runCase<Record<string, number>>(
  new URL('./throughput/exporter-case.ts', import.meta.url).pathname,
  { url, transport, runs: Number(runs) },
  { verbose: true, nodeFlags: ['--cpu-prof', '--cpu-prof-dir=/tmp/bx/prof'] },
);
console.log(JSON.stringify(r));
