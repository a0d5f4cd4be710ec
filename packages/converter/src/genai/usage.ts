import type { Attributes } from '@opentelemetry/api';
import {
  AGL_USAGE_COMPLETION_TOKENS,
  AGL_USAGE_PROMPT_TOKENS,
  AGL_USAGE_TOTAL_TOKENS,
  GEN_AI_USAGE_INPUT_TOKENS,
  GEN_AI_USAGE_OUTPUT_TOKENS,
} from './attribute-names.ts';
import type { PutAttribute } from './messages.ts';
import { readNumber } from './read-attribute.ts';

/** The token counters under the older names (`gen_ai.usage.prompt_tokens`,
 * `gen_ai.usage.completion_tokens`, `llm.usage.total_tokens`) that indexed-layout readers use. */
export function writeLegacyUsage(attributes: Attributes, put: PutAttribute): void {
  const input = readNumber(attributes, GEN_AI_USAGE_INPUT_TOKENS);
  const output = readNumber(attributes, GEN_AI_USAGE_OUTPUT_TOKENS);
  if (input !== undefined) put(AGL_USAGE_PROMPT_TOKENS, input);
  if (output !== undefined) put(AGL_USAGE_COMPLETION_TOKENS, output);
  if (input !== undefined && output !== undefined) put(AGL_USAGE_TOTAL_TOKENS, input + output);
}
