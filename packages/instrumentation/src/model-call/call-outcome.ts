import type { FinishReason, GenerateResult, OutputContent, Usage } from './sdk-types.ts';
import { tokenIdsFromChunk, tokenIdsFromMetadata } from './token-ids.ts';

/** What one model call produced, whether generated at once or assembled from a stream. */
export interface CallOutcome {
  content: OutputContent[];
  finishReason: FinishReason | undefined;
  usage: Usage | undefined;
  responseId: string | undefined;
  responseModel: string | undefined;
  promptTokenIds: number[] | undefined;
  responseTokenIds: number[] | undefined;
  errors: unknown[];
}

/** The outcome of a `doGenerate` call; token ids from the raw body first, else the metadata. */
export function outcomeOfGenerate(result: GenerateResult): CallOutcome {
  const fromBody = tokenIdsFromChunk(result.response?.body);
  const fromMetadata = tokenIdsFromMetadata(result.providerMetadata);
  return {
    content: result.content,
    finishReason: result.finishReason,
    usage: result.usage,
    responseId: result.response?.id,
    responseModel: result.response?.modelId,
    promptTokenIds: fromBody.prompt ?? fromMetadata.prompt,
    responseTokenIds: fromBody.response ?? fromMetadata.response,
    errors: [],
  };
}
