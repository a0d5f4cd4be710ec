import type { Span } from '@agl/client';
import { numberAttribute } from './span-attributes.ts';
import type { SpanIndex } from './span-index.ts';

export const INPUT_TOKENS = 'gen_ai.usage.input_tokens';
export const OUTPUT_TOKENS = 'gen_ai.usage.output_tokens';

export interface TokenUsage {
  inputTokens: number | null;
  outputTokens: number | null;
}

function carriesUsage(span: Span): boolean {
  return (
    numberAttribute(span, INPUT_TOKENS) !== null || numberAttribute(span, OUTPUT_TOKENS) !== null
  );
}

/**
 * Sums token usage over the topmost span of each branch that reports usage. Mastra's `chat` span
 * already sums its model calls, and per-call spans sit below it, so counting every span with
 * usage would count the same tokens twice. Null when no span reports usage.
 */
export function sumTokenUsage(index: SpanIndex): TokenUsage {
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  for (const span of index.spans) {
    if (!carriesUsage(span) || index.hasAncestor(span, carriesUsage)) continue;
    const input = numberAttribute(span, INPUT_TOKENS);
    const output = numberAttribute(span, OUTPUT_TOKENS);
    if (input !== null) inputTokens = (inputTokens ?? 0) + input;
    if (output !== null) outputTokens = (outputTokens ?? 0) + output;
  }
  return { inputTokens, outputTokens };
}
