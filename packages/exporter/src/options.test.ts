import { DEFAULT_ENDPOINT } from '@agl/client';
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

  it("defaults the endpoint to the wire contract's and trims a given one", () => {
    expect(resolveOptions({}, NEVER_AGENT).endpoint).toBe(DEFAULT_ENDPOINT);
    expect(resolveOptions({ endpoint: 'http://127.0.0.1:9/ ' }, NEVER_AGENT).endpoint).toBe(
      'http://127.0.0.1:9',
    );
  });

  it('rejects an endpoint that is not an http(s) base URL, saying what to write', () => {
    expect(() => resolveOptions({ endpoint: 'localhost:4747' }, NEVER_AGENT)).toThrow(
      /option endpoint: "localhost:4747" is not an http\(s\) URL; use e.g. http:/,
    );
    expect(() => resolveOptions({ endpoint: 'http://h:1/?x=1' }, NEVER_AGENT)).toThrow(
      /option endpoint: .*\?query/,
    );
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
