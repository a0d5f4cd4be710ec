import { describe, expect, it } from 'vitest';
import { writeLegacyUsage } from './usage.ts';

describe('writeLegacyUsage', () => {
  it('adds the older usage names and a total', () => {
    const out: Record<string, unknown> = {};
    writeLegacyUsage(
      { 'gen_ai.usage.input_tokens': 20, 'gen_ai.usage.output_tokens': 10 },
      (k, v) => {
        out[k] = v;
      },
    );
    expect(out).toEqual({
      'gen_ai.usage.prompt_tokens': 20,
      'gen_ai.usage.completion_tokens': 10,
      'llm.usage.total_tokens': 30,
    });
  });

  it('writes only what it has', () => {
    const out: Record<string, unknown> = {};
    writeLegacyUsage(
      { 'gen_ai.usage.input_tokens': 5, 'gen_ai.usage.output_tokens': 'x' },
      (k, v) => {
        out[k] = v;
      },
    );
    expect(out).toEqual({ 'gen_ai.usage.prompt_tokens': 5 });
  });
});
