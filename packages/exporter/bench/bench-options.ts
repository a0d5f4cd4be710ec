import { parseArgs } from 'node:util';

export const SECTIONS = ['throughput', 'hotpath', 'memory', 'latency'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** A few seconds per case, for development; the committed report comes from a full run. */
  quick: boolean;
  sections: Section[];
  /** Folder for exporter-bench.json and .md; undefined: docs/bench (full) or a temp folder (quick). */
  outDir: string | undefined;
  verbose: boolean;
}

export const USAGE = `Usage: pnpm bench [--quick] [--only throughput,hotpath,memory,latency] [--out DIR] [--verbose]

  --quick     a few seconds per case (also AGL_BENCH_QUICK=1); writes to a temp folder unless --out
  --only      run only these sections (also AGL_BENCH_ONLY)
  --out       folder for exporter-bench.json and exporter-bench.md (default docs/bench)
  --verbose   show the progress of every case`;

function parseSections(value: string): Section[] {
  const sections = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const section of sections) {
    if (!(SECTIONS as readonly string[]).includes(section)) {
      throw new Error(`Unknown section "${section}". Use one or more of: ${SECTIONS.join(', ')}.`);
    }
  }
  if (sections.length === 0)
    throw new Error(`--only needs at least one of: ${SECTIONS.join(', ')}.`);
  return sections as Section[];
}

/** Flags win over the environment; unknown flags are errors that name the accepted ones. */
export function parseBenchOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): BenchOptions {
  const { values } = parseArgs({
    // `pnpm bench -- --quick` and turbo pass the separator through.
    args: argv.filter((arg) => arg !== '--'),
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      out: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
    },
    strict: true,
  });
  const envQuick =
    env.AGL_BENCH_QUICK !== undefined && !['', '0', 'false'].includes(env.AGL_BENCH_QUICK);
  const only = values.only ?? env.AGL_BENCH_ONLY;
  return {
    quick: values.quick ?? envQuick,
    sections: only ? parseSections(only) : [...SECTIONS],
    outDir: values.out,
    verbose: values.verbose ?? false,
  };
}
