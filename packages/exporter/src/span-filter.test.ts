import { describe, expect, it } from 'vitest';
import { bothFilters, decideSpan, dropSpansFilter, isSpanFilterPreset } from './span-filter.ts';

const chunk = {
  name: 'model_chunk postAnalyzer',
  attributes: { 'mastra.span.type': 'model_chunk' },
};
const chat = { name: 'chat gpt-4o-mini', attributes: { 'mastra.span.type': 'model_generation' } };
const tool = { name: 'execute_tool search', attributes: {} };

describe('dropSpansFilter', () => {
  it('drops Mastra model chunks by preset and keeps the calls AGL adapters read', () => {
    const filter = dropSpansFilter(['model_chunks']);
    expect(filter(chunk)).toBe(false);
    expect(filter(chat)).toBe(true);
    expect(filter(tool)).toBe(true);
  });

  it('recognises chunk spans by name when the type attribute is missing', () => {
    expect(dropSpansFilter(['model_chunks'])({ name: 'model_chunk x', attributes: {} })).toBe(
      false,
    );
  });

  it('drops spans whose name matches a pattern with * wildcards, literally otherwise', () => {
    const filter = dropSpansFilter(['fs.*', 'GET /health']);
    expect(filter({ name: 'fs.readFile', attributes: {} })).toBe(false);
    expect(filter({ name: 'GET /health', attributes: {} })).toBe(false);
    expect(filter({ name: 'GET /healthz', attributes: {} })).toBe(true);
    expect(filter({ name: 'fsXread', attributes: {} })).toBe(true);
  });

  it('keeps everything with no entries', () => {
    expect(dropSpansFilter([])(chunk)).toBe(true);
  });

  it('knows its preset names', () => {
    expect(isSpanFilterPreset('model_chunks')).toBe(true);
    expect(isSpanFilterPreset('toString')).toBe(false);
  });
});

describe('bothFilters', () => {
  it('keeps a span only when both keep it', () => {
    const filter = bothFilters(dropSpansFilter(['model_chunks']), (span) => span !== tool);
    expect(filter(chat)).toBe(true);
    expect(filter(chunk)).toBe(false);
    expect(filter(tool)).toBe(false);
  });
});

describe('decideSpan', () => {
  const dropAll = () => false;

  it('keeps everything without a filter', () => {
    expect(decideSpan(undefined, chunk, false)).toBe('keep');
  });

  it('never filters the root of a run', () => {
    expect(decideSpan(dropAll, chat, true)).toBe('keep');
    expect(decideSpan(dropAll, chat, false)).toBe('filter');
  });

  it('keeps the span and reports an error when the filter throws', () => {
    const throwing = () => {
      throw new Error('bug');
    };
    expect(decideSpan(throwing, chat, false)).toBe('error');
  });

  it('filters only on an explicit false', () => {
    const loose = (() => undefined) as unknown as () => boolean;
    expect(decideSpan(loose, chat, false)).toBe('keep');
  });
});
