import type { ResolvedLlm } from '@agl/worker';
import { createOpenAI } from '@ai-sdk/openai';
import type { MastraModelConfig } from '@mastra/core/llm';

/** Sent when AGL's LLM resource has no key (vLLM and AGL's LLM proxy need none). */
export const NO_RESOURCE_API_KEY = 'none';

type Fetch = typeof globalThis.fetch;

/**
 * A fetch that writes `parameters` into every JSON request body, over what the caller set: AGL's
 * `sampling_parameters` (`temperature`, `top_p`, `max_tokens`, …) are OpenAI request fields, and
 * the trainer's values win over the agent's own, on every call of the run (sub-agents included).
 */
export function withRequestParameters(
  parameters: Readonly<Record<string, unknown>>,
  baseFetch: Fetch = globalThis.fetch,
): Fetch {
  if (Object.keys(parameters).length === 0) return baseFetch;
  return (input, init) => {
    if (typeof init?.body !== 'string') return baseFetch(input, init);
    let body: unknown;
    try {
      body = JSON.parse(init.body);
    } catch {
      return baseFetch(input, init);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return baseFetch(input, init);
    return baseFetch(input, { ...init, body: JSON.stringify({ ...body, ...parameters }) });
  };
}

/** The chat-completions model an AGL LLM resource names, at its (per-attempt) URL. */
export function modelFromLlm(llm: ResolvedLlm, baseFetch?: Fetch): MastraModelConfig {
  const provider = createOpenAI({
    baseURL: llm.baseUrl,
    apiKey: llm.apiKey ?? NO_RESOURCE_API_KEY,
    fetch: withRequestParameters(llm.samplingParameters, baseFetch),
  });
  // @ai-sdk/openai's provider types are newer than the copy bundled with @mastra/core; the
  // runtime contract is the same (see model-provider.ts).
  return provider.chat(llm.model) as unknown as MastraModelConfig;
}
