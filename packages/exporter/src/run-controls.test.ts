import { propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { type ResolvedOptions, resolveOptions } from './options.ts';
import { RunControls } from './run-controls.ts';

const NEVER_AGENT = () => false;
const TRACE = `${'0'.repeat(31)}1`;
const root = { traceId: TRACE, name: 'invoke_agent a', attributes: {} };
const chunk = { name: 'model_chunk a', attributes: { 'mastra.span.type': 'model_chunk' } };

function controls(options: Parameters<typeof resolveOptions>[0] = {}) {
  const errors: string[] = [];
  const resolved: ResolvedOptions = resolveOptions(options, NEVER_AGENT);
  return { controls: new RunControls(resolved, (what) => errors.push(what)), errors };
}

describe('RunControls with every control off', () => {
  it('keeps every run and span and adds nothing to the rollout', () => {
    const { controls: c } = controls();
    const state = c.openRun(root, ROOT_CONTEXT);
    expect(state.sampledOut).toBe(false);
    expect(c.admitSpan(state, chunk, false)).toBe(true);
    expect(c.runMetadata(state, {})).toEqual({});
    expect(c.mask({ input: 'x', metadata: { a: 1 } })).toEqual({ input: 'x', metadata: { a: 1 } });
    expect(c.counts).toEqual({
      spansFiltered: 0,
      spansSampledOut: 0,
      runsSampledOut: 0,
      maskFailures: 0,
    });
  });
});

describe('RunControls sampling', () => {
  it('drops every span of a sampled-out run, root included, and counts them', () => {
    const { controls: c } = controls({ sampleRate: 0 });
    const state = c.openRun(root, undefined);
    expect(state.sampledOut).toBe(true);
    expect(c.admitSpan(state, root, true)).toBe(false);
    expect(c.admitSpan(state, chunk, false)).toBe(false);
    expect(c.counts).toMatchObject({ runsSampledOut: 1, spansSampledOut: 2, spansFiltered: 0 });
  });

  it('keeps the run and reports the error when sampleRun throws', () => {
    const { controls: c, errors } = controls({
      sampleRun: () => {
        throw new Error('bug');
      },
    });
    expect(c.openRun(root, undefined).sampledOut).toBe(false);
    expect(errors).toEqual(['sampleRun threw; the run is kept']);
  });
});

describe('RunControls filtering', () => {
  it('leaves filtered spans out, counts them per run and writes the count on the rollout', () => {
    const { controls: c } = controls({ dropSpans: ['model_chunks'] });
    const state = c.openRun(root, undefined);
    expect(c.admitSpan(state, chunk, false)).toBe(false);
    expect(c.admitSpan(state, chunk, false)).toBe(false);
    expect(c.admitSpan(state, { name: 'chat m', attributes: {} }, false)).toBe(true);
    expect(state.filtered).toBe(2);
    expect(c.runMetadata(state, undefined)).toEqual({ spans_filtered: 2 });
  });

  it('never filters the run root', () => {
    const { controls: c } = controls({ shouldExportSpan: () => false });
    const state = c.openRun(root, undefined);
    expect(c.admitSpan(state, root, true)).toBe(true);
  });

  it('combines shouldExportSpan with dropSpans', () => {
    const { controls: c } = controls({
      dropSpans: ['model_chunks'],
      shouldExportSpan: (span) => !span.name.startsWith('fs.'),
    });
    const state = c.openRun(root, undefined);
    expect(c.admitSpan(state, chunk, false)).toBe(false);
    expect(c.admitSpan(state, { name: 'fs.read', attributes: {} }, false)).toBe(false);
    expect(c.admitSpan(state, { name: 'chat', attributes: {} }, false)).toBe(true);
  });
});

describe('RunControls run context', () => {
  it('layers app, request and agent-span context', () => {
    const { controls: c } = controls({
      runContext: { environment: 'prod', release: 'r1', tags: ['app'] },
    });
    const baggage = propagation.createBaggage({ 'user.id': { value: 'from-request' } });
    const state = c.openRun(root, propagation.setBaggage(ROOT_CONTEXT, baggage));
    expect(
      c.runMetadata(state, { 'mastra.metadata.sessionId': 's1', 'mastra.tags': '["span"]' }),
    ).toEqual({
      environment: 'prod',
      release: 'r1',
      tags: ['app', 'span'],
      user_id: 'from-request',
      session_id: 's1',
    });
  });
});

describe('RunControls masking', () => {
  it('masks input and metadata with the converter mask and counts failures', () => {
    const { controls: c } = controls({
      converter: {
        mask: ({ key }) => {
          if (key === 'user_id') throw new Error('bug');
          return '***';
        },
      },
    });
    expect(c.mask({ input: 'secret', metadata: { user_id: 'u', trace_id: 't' } })).toEqual({
      input: '***',
      metadata: { user_id: '[REDACTED]', trace_id: 't' },
    });
    expect(c.counts.maskFailures).toBe(1);
  });
});
