import type { Span } from '@agl/client';
import { numberAttribute } from './span-attributes.ts';
import type { SpanIndex } from './span-index.ts';

/** Current GenAI names first, then the older ones other instrumentations still write. */
const INPUT_TOKENS = ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens'] as const;
const OUTPUT_TOKENS = ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens'] as const;

export interface TokenUsage {
  inputTokens: number | null;
  outputTokens: number | null;
}

function firstNumber(span: Span, keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = numberAttribute(span, key);
    if (value !== null) return value;
  }
  return null;
}

function carriesUsage(span: Span): boolean {
  return firstNumber(span, INPUT_TOKENS) !== null || firstNumber(span, OUTPUT_TOKENS) !== null;
}

/**
 * Sums token usage over the topmost span of each branch that reports usage. Mastra's `chat` span
 * already sums its model calls, and per-call spans sit below it, so counting every span with
 * usage would count the same tokens twice (the converter names both `openai.chat.completion`).
 * Null when no span reports usage.
 */
export function sumTokenUsage(index: SpanIndex): TokenUsage {
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  for (const span of index.spans) {
    if (!carriesUsage(span) || index.hasAncestor(span, carriesUsage)) continue;
    const input = firstNumber(span, INPUT_TOKENS);
    const output = firstNumber(span, OUTPUT_TOKENS);
    if (input !== null) inputTokens = (inputTokens ?? 0) + input;
    if (output !== null) outputTokens = (outputTokens ?? 0) + output;
  }
  return { inputTokens, outputTokens };
}
