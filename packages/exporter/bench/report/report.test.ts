import { describe, expect, it } from 'vitest';
import { benchPlan } from '../plan.ts';
import type { BenchResults, ThroughputCase } from '../results.ts';
import { renderMarkdown } from './markdown.ts';
import { evaluateTargets } from './targets.ts';

function throughputCase(
  id: string,
  contender: ThroughputCase['contender'],
  spansPerSecond: number,
): ThroughputCase {
  return {
    id,
    contender,
    label: id,
    how: 'test',
    spans: 1100,
    stored: 1100,
    seconds: 1100 / spansPerSecond,
    spansPerSecond,
    serverCpuSeconds: 1,
    serverCpuShare: 0.9,
  };
}

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    generatedAt: '2026-01-01T00:00:00.000Z',
    quick: false,
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      memoryGiB: 8,
      os: 'Linux',
      kernel: '6.1',
      node: 'v24.0.0',
      python: 'Python 3.11.7',
      aglVersions: ['0.2.2', '0.3.0'],
      loadAverageStart: 0.5,
      loadAverageEnd: 0.7,
      source: { commit: 'abc123', localChanges: false },
    },
    plan: benchPlan(true),
    throughput: [
      {
        version: '0.2.2',
        ceilingSweep: [
          { connections: 8, spans: 1100, spansPerSecond: 1000, latencyP50Ms: 5, latencyP99Ms: 9 },
        ],
        cases: [
          throughputCase('ceiling', 'ceiling', 1000),
          throughputCase('python-client-1', 'python-client', 200),
          throughputCase('python-tracer', 'python-tracer', 300),
          throughputCase('exporter-rest-burst', 'exporter', 950),
        ],
      },
      {
        version: '0.3.0',
        ceilingSweep: [],
        cases: [
          throughputCase('ceiling', 'ceiling', 700),
          throughputCase('python-tracer', 'python-tracer', 300),
          throughputCase('exporter-rest-burst', 'exporter', 500),
          { ...throughputCase('exporter-otlp-burst', 'exporter', 2000), clientCpuSeconds: 0.11 },
          { ...throughputCase('otel-batch-otlp', 'otel', 5000), clientCpuSeconds: 0.055 },
        ],
      },
    ],
    hotPath: null,
    memory: null,
    latency: [],
    durationSeconds: 60,
    ...overrides,
  };
}

describe('evaluateTargets', () => {
  it('compares the headline exporter case with the ceiling, the fastest Python contender and REST', () => {
    const checks = evaluateTargets(results());
    expect(checks.map((c) => [c.id, Number(c.ratio.toFixed(2)), c.met])).toEqual([
      ['ceiling-0.2', 0.95, true],
      ['burst-0.2', 0.95, true],
      ['python', 3.17, true],
      ['cpu-vs-otel', 2, false],
      ['throughput-vs-otel', 0.4, false],
      ['python', 6.67, true],
      ['otlp-vs-rest', 4, false],
    ]);
  });

  it('judges the hot path (at most 1.1×) and memory (at most the byte bound)', () => {
    const base = results({ throughput: [] });
    const checks = evaluateTargets({
      ...base,
      hotPath: {
        cases: [
          {
            id: 'agl',
            label: 'a',
            inRun: true,
            nsPerSpan: 1050,
            meanNsPerSpan: 1100,
            rme: 1,
            samples: 9,
          },
          {
            id: 'batch',
            label: 'b',
            inRun: true,
            nsPerSpan: 1000,
            meanNsPerSpan: 1000,
            rme: 1,
            samples: 9,
          },
        ],
        totalCpu: [],
        aglStats: null,
      },
    });
    expect(checks).toMatchObject([{ id: 'hot-path', met: true, atMost: true }]);
  });
});

describe('renderMarkdown', () => {
  it('describes the machine, marks each target and explains the missed ones', () => {
    const markdown = renderMarkdown(results());
    expect(markdown).toContain('Test CPU, 2 cores');
    expect(markdown).toContain(
      '| AGL 0.3.0: OTLP path ≥ 5 × REST path | 2000 spans/s vs 500 spans/s | 4.00× | ≥ 5× | ✗ |',
    );
    expect(markdown).toContain('**OTLP vs REST on 0.3 (4.00×).**');
    expect(markdown).not.toContain('**Exporter vs load generator on 0.2');
    expect(markdown).toContain('### AGL 0.2.2');
  });
});
