// Token ids a provider returns beside the text (vLLM with `return_token_ids`), for training.

export interface TokenIds {
  prompt?: number[];
  response?: number[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIntArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item));
}

/**
 * vLLM (with `return_token_ids`) puts `prompt_token_ids` at the top of the response and the
 * completion's ids in `choices[0].token_ids` (newer OpenAI clients surface them under
 * `provider_specific_fields`); in a stream, each chunk carries the ids of its own delta.
 */
export function tokenIdsFromChunk(chunk: unknown): TokenIds {
  if (!isRecord(chunk)) return {};
  const found: TokenIds = {};
  if (isIntArray(chunk.prompt_token_ids)) found.prompt = chunk.prompt_token_ids;
  const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
  if (isRecord(choice)) {
    const nested = isRecord(choice.provider_specific_fields)
      ? choice.provider_specific_fields.token_ids
      : undefined;
    const ids = choice.token_ids ?? nested;
    if (isIntArray(ids)) found.response = ids;
  }
  return found;
}

/** Token ids a provider package put in its provider metadata (any provider key). */
export function tokenIdsFromMetadata(metadata: unknown): TokenIds {
  if (!isRecord(metadata)) return {};
  for (const entry of Object.values(metadata)) {
    if (!isRecord(entry)) continue;
    const prompt = entry.prompt_token_ids ?? entry.promptTokenIds;
    const response = entry.response_token_ids ?? entry.responseTokenIds;
    if (isIntArray(prompt) || isIntArray(response)) {
      return {
        ...(isIntArray(prompt) ? { prompt } : {}),
        ...(isIntArray(response) ? { response } : {}),
      };
    }
  }
  return {};
}
