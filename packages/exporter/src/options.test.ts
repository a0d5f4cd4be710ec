import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.ts';

const NEVER_AGENT = () => false;

describe('resolveOptions production controls', () => {
  it('leaves every control off by default', () => {
    const resolved = resolveOptions({}, NEVER_AGENT);
    expect(resolved).toMatchObject({
      spanFilter: undefined,
      sampleRate: 1,
      sampleRun: undefined,
      runContext: {},
      exportMode: 'batched',
    });
  });

  it('rejects a sample rate outside 0…1 with what to write instead', () => {
    expect(() => resolveOptions({ sampleRate: 1.5 }, NEVER_AGENT)).toThrow(
      /sampleRate must be a number from 0 to 1 .*got 1.5/,
    );
    expect(() => resolveOptions({ sampleRate: Number.NaN }, NEVER_AGENT)).toThrow(/sampleRate/);
  });

  it('rejects filters and samplers that are not functions, and bad dropSpans', () => {
    const bad = 'yes' as unknown as () => boolean;
    expect(() => resolveOptions({ shouldExportSpan: bad }, NEVER_AGENT)).toThrow(
      /shouldExportSpan must be a function/,
    );
    expect(() => resolveOptions({ sampleRun: bad }, NEVER_AGENT)).toThrow(
      /sampleRun must be a function/,
    );
    expect(() =>
      resolveOptions({ dropSpans: 'model_chunks' as unknown as string[] }, NEVER_AGENT),
    ).toThrow(/dropSpans must be a list of strings/);
    expect(() =>
      resolveOptions({ exportMode: 'now' as unknown as 'immediate' }, NEVER_AGENT),
    ).toThrow(/exportMode must be 'batched' or 'immediate'/);
  });

  it('builds one filter from dropSpans and shouldExportSpan', () => {
    const { spanFilter } = resolveOptions(
      { dropSpans: ['model_chunks'], shouldExportSpan: (span) => span.name !== 'x' },
      NEVER_AGENT,
    );
    expect(spanFilter?.({ name: 'x', attributes: {} })).toBe(false);
    expect(spanFilter?.({ name: 'model_chunk a', attributes: {} })).toBe(false);
    expect(spanFilter?.({ name: 'chat', attributes: {} })).toBe(true);
  });
});
