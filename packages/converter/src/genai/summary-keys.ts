import type { Attributes } from '@opentelemetry/api';

/** What AGL's `TraceToMessages` takes as the sign of an LLM call (besides prompt/completion). */
const SUMMARY_PREFIXES = ['gen_ai.request.', 'gen_ai.response.'];

/**
 * The `gen_ai.request.*` / `gen_ai.response.*` keys of a span that is not one whole model call
 * (Mastra's model summaries, an agent run reporting its model and finish reasons as
 * `@ai-sdk/otel`'s `invoke_agent` does): AGL's `TraceToMessages` would make a training record
 * of them. Undefined when there are none.
 */
export function summaryKeysOf(attributes: Attributes): string[] | undefined {
  const keys = Object.keys(attributes).filter((key) =>
    SUMMARY_PREFIXES.some((prefix) => key.startsWith(prefix)),
  );
  return keys.length > 0 ? keys : undefined;
}
