import type { Attributes } from '@opentelemetry/api';
import type { CallOutcome } from './call-outcome.ts';
import { filePart } from './file-part.ts';
import type { FinishReason, GenAiPart, OutputContent } from './sdk-types.ts';

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toOutputPart(part: OutputContent): GenAiPart[] {
  switch (part.type) {
    case 'text':
      return [{ type: 'text', content: part.text }];
    case 'reasoning':
      return [{ type: 'reasoning', content: part.text }];
    case 'tool-call':
      return [
        {
          type: 'tool_call',
          id: part.toolCallId,
          name: part.toolName,
          arguments: parseJsonOr(part.input),
        },
      ];
    case 'tool-result':
      return [{ type: 'tool_call_response', id: part.toolCallId, response: part.result }];
    case 'file':
      return [filePart(part.mediaType, part.data)];
    default:
      return [];
  }
}

/** The provider's own finish reason (e.g. OpenAI's `tool_calls`) when it sent one. */
function finishReasonName(reason: FinishReason): string {
  return reason.raw ?? reason.unified;
}

/** The response of one model call in GenAI attributes: answer, finish reason, usage, token ids. */
export function outcomeAttributes(outcome: CallOutcome): Attributes {
  const attributes: Attributes = {
    'gen_ai.output.messages': JSON.stringify([
      {
        role: 'assistant',
        parts: outcome.content.flatMap(toOutputPart),
        ...(outcome.finishReason ? { finish_reason: finishReasonName(outcome.finishReason) } : {}),
      },
    ]),
  };
  if (outcome.finishReason) {
    attributes['gen_ai.response.finish_reasons'] = [finishReasonName(outcome.finishReason)];
  }
  if (outcome.responseId !== undefined) attributes['gen_ai.response.id'] = outcome.responseId;
  if (outcome.responseModel !== undefined)
    attributes['gen_ai.response.model'] = outcome.responseModel;
  const usage = outcome.usage;
  const counters: Array<[string, number | undefined]> = [
    ['gen_ai.usage.input_tokens', usage?.inputTokens.total],
    ['gen_ai.usage.output_tokens', usage?.outputTokens.total],
    ['gen_ai.usage.cache_read.input_tokens', usage?.inputTokens.cacheRead],
    ['gen_ai.usage.cache_creation.input_tokens', usage?.inputTokens.cacheWrite],
    ['gen_ai.usage.reasoning_tokens', usage?.outputTokens.reasoning],
  ];
  for (const [key, value] of counters) if (typeof value === 'number') attributes[key] = value;
  if (outcome.promptTokenIds !== undefined) attributes.prompt_token_ids = outcome.promptTokenIds;
  if (outcome.responseTokenIds !== undefined)
    attributes.response_token_ids = outcome.responseTokenIds;
  return attributes;
}
