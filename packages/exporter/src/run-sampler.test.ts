import { ROOT_CONTEXT } from '@opentelemetry/api';
import {
  RandomIdGenerator,
  SamplingDecision,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { decideRun, keepsEveryRun, traceIdBelowRate } from './run-sampler.ts';

const ids = new RandomIdGenerator();
const root = (traceId: string) => ({ traceId, name: 'invoke_agent a', attributes: {} });

describe('traceIdBelowRate', () => {
  it('agrees with OpenTelemetry TraceIdRatioBasedSampler on every trace id', () => {
    for (const rate of [0.01, 0.1, 0.25, 0.5, 0.9]) {
      const otel = new TraceIdRatioBasedSampler(rate);
      for (let i = 0; i < 2_000; i++) {
        const traceId = ids.generateTraceId();
        const sampled =
          otel.shouldSample(ROOT_CONTEXT, traceId).decision === SamplingDecision.RECORD_AND_SAMPLED;
        expect(traceIdBelowRate(traceId, rate), `${traceId} at ${rate}`).toBe(sampled);
      }
    }
  });

  it('keeps about the asked share of runs', () => {
    let kept = 0;
    for (let i = 0; i < 10_000; i++) if (traceIdBelowRate(ids.generateTraceId(), 0.3)) kept++;
    expect(kept).toBeGreaterThan(2_700);
    expect(kept).toBeLessThan(3_300);
  });

  it('keeps everything at 1 and nothing at 0 or for malformed ids', () => {
    const traceId = ids.generateTraceId();
    expect(traceIdBelowRate(traceId, 1)).toBe(true);
    expect(traceIdBelowRate(traceId, 0)).toBe(false);
    expect(traceIdBelowRate('not-a-trace-id', 0.99)).toBe(false);
  });

  it('decides the same way every time for one trace', () => {
    const traceId = ids.generateTraceId();
    const first = traceIdBelowRate(traceId, 0.5);
    for (let i = 0; i < 10; i++) expect(traceIdBelowRate(traceId, 0.5)).toBe(first);
  });
});

describe('decideRun', () => {
  const traceId = '00000000ffffffffffffffffffffffff';

  it('keeps every run by default', () => {
    expect(decideRun({}, root(traceId))).toBe('keep');
    expect(keepsEveryRun({})).toBe(true);
    expect(keepsEveryRun({ sampleRate: 1 })).toBe(true);
    expect(keepsEveryRun({ sampleRate: 0.5 })).toBe(false);
  });

  it('uses the rate when no function is given', () => {
    expect(decideRun({ sampleRate: 0 }, root(traceId))).toBe('drop');
  });

  it('lets a function of the agent span decide instead of the rate', () => {
    const sampleRun = (run: { attributes: Record<string, unknown> }) =>
      run.attributes.tier === 'paid';
    expect(keepsEveryRun({ sampleRun })).toBe(false);
    expect(
      decideRun({ sampleRate: 0, sampleRun }, { traceId, name: 'a', attributes: { tier: 'paid' } }),
    ).toBe('keep');
    expect(decideRun({ sampleRate: 1, sampleRun }, root(traceId))).toBe('drop');
  });

  it('keeps the run when the function throws', () => {
    const sampleRun = () => {
      throw new Error('bug');
    };
    expect(decideRun({ sampleRun }, root(traceId))).toBe('error');
  });
});
