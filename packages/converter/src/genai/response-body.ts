import type { Attributes } from '@opentelemetry/api';
import {
  AGL_PROMPT_TOKEN_IDS,
  AGL_RESPONSE_TOKEN_IDS,
  GEN_AI_RESPONSE_ID,
  MASTRA_RESPONSE_BODY,
} from './attribute-names.ts';
import type { PutAttribute } from './messages.ts';
import { isRecord, readJson } from './read-attribute.ts';

/**
 * From the raw OpenAI-compatible response body Mastra keeps on a model step
 * (`mastra.metadata.body`): the response id, and vLLM's token ids (`prompt_token_ids` at the top,
 * `choices[0].token_ids`, or under `provider_specific_fields` with newer clients).
 */
export function writeResponseBodyFacts(attributes: Attributes, put: PutAttribute): void {
  const body = readJson(attributes, MASTRA_RESPONSE_BODY);
  if (!isRecord(body)) return;
  if (typeof body.id === 'string' && body.id !== '') put(GEN_AI_RESPONSE_ID, body.id);
  if (isIntArray(body.prompt_token_ids)) put(AGL_PROMPT_TOKEN_IDS, body.prompt_token_ids);
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!isRecord(choice)) return;
  const nested = isRecord(choice.provider_specific_fields)
    ? choice.provider_specific_fields.token_ids
    : undefined;
  const ids = choice.token_ids ?? nested;
  if (isIntArray(ids)) put(AGL_RESPONSE_TOKEN_IDS, ids);
}

function isIntArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isSafeInteger(item));
}
