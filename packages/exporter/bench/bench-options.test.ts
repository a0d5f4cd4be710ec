import { describe, expect, it } from 'vitest';
import { parseBenchOptions, SECTIONS } from './bench-options.ts';

describe('parseBenchOptions', () => {
  it('runs every section in full by default', () => {
    expect(parseBenchOptions([], {})).toEqual({
      quick: false,
      sections: [...SECTIONS],
      outDir: undefined,
      verbose: false,
    });
  });

  it('takes quick mode and sections from flags or the environment, flags first', () => {
    expect(parseBenchOptions([], { AGL_BENCH_QUICK: '1', AGL_BENCH_ONLY: 'memory' })).toMatchObject(
      {
        quick: true,
        sections: ['memory'],
      },
    );
    expect(
      parseBenchOptions(['--only', 'hotpath, latency'], { AGL_BENCH_ONLY: 'memory' }).sections,
    ).toEqual(['hotpath', 'latency']);
    expect(parseBenchOptions([], { AGL_BENCH_QUICK: '0' }).quick).toBe(false);
  });

  it('ignores the -- that pnpm and turbo pass through', () => {
    expect(parseBenchOptions(['--', '--quick'], {}).quick).toBe(true);
  });

  it('names the accepted sections when one is unknown', () => {
    expect(() => parseBenchOptions(['--only', 'speed'], {})).toThrow(
      /Unknown section "speed".*throughput, hotpath, memory, latency/,
    );
  });

  it('rejects unknown flags', () => {
    expect(() => parseBenchOptions(['--fast'], {})).toThrow(/--fast/);
  });
});
