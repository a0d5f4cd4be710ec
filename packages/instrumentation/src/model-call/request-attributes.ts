import type { Attributes, AttributeValue } from '@opentelemetry/api';
import { filePart } from './file-part.ts';
import type { CallOptions, GenAiPart, Model, PromptMessage } from './sdk-types.ts';

type ToolResultOutput = Extract<
  Extract<PromptMessage, { role: 'tool' }>['content'][number],
  { type: 'tool-result' }
>['output'];

/**
 * A tool result as the model receives it: the text an OpenAI-compatible provider puts in the
 * `tool` message (text as it is, JSON values and tool errors serialised), so the recorded prompt
 * is the one the model saw, byte for byte.
 */
export function toolOutput(output: ToolResultOutput): string {
  switch (output.type) {
    case 'execution-denied':
      return output.reason ?? 'Tool execution denied.';
    case 'text':
    case 'error-text':
      return output.value;
    default:
      return JSON.stringify(output.value) ?? '';
  }
}

function toGenAiMessage(message: PromptMessage): { role: string; parts: GenAiPart[] } {
  if (message.role === 'system') {
    return { role: 'system', parts: [{ type: 'text', content: message.content }] };
  }
  const parts: GenAiPart[] = [];
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        parts.push({ type: 'text', content: part.text });
        break;
      case 'reasoning':
        parts.push({ type: 'reasoning', content: part.text });
        break;
      case 'tool-call':
        parts.push({
          type: 'tool_call',
          id: part.toolCallId,
          name: part.toolName,
          arguments: part.input,
        });
        break;
      case 'tool-result':
        parts.push({
          type: 'tool_call_response',
          id: part.toolCallId,
          response: toolOutput(part.output),
        });
        break;
      case 'file':
        parts.push(filePart(part.mediaType, part.data, part.filename));
        break;
      default:
        break;
    }
  }
  return { role: message.role, parts };
}

/** The request of one model call in GenAI attributes: model, settings, prompt and tools. */
export function requestAttributes(params: CallOptions, model: Model): Attributes {
  const attributes: Attributes = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': model.provider.split('.')[0] ?? model.provider,
    'gen_ai.request.model': model.modelId,
    'gen_ai.input.messages': JSON.stringify(params.prompt.map(toGenAiMessage)),
  };
  const optional: Array<[string, AttributeValue | undefined]> = [
    ['gen_ai.request.temperature', params.temperature],
    ['gen_ai.request.top_p', params.topP],
    ['gen_ai.request.top_k', params.topK],
    ['gen_ai.request.max_tokens', params.maxOutputTokens],
    ['gen_ai.request.stop_sequences', params.stopSequences],
    ['gen_ai.request.frequency_penalty', params.frequencyPenalty],
    ['gen_ai.request.presence_penalty', params.presencePenalty],
    ['gen_ai.request.seed', params.seed],
    ['gen_ai.output.type', params.responseFormat?.type === 'json' ? 'json' : undefined],
  ];
  for (const [key, value] of optional) if (value !== undefined) attributes[key] = value;
  const tools = (params.tools ?? []).map((tool) =>
    tool.type === 'function'
      ? {
          type: 'function',
          name: tool.name,
          description: tool.description,
          parameters: tool.inputSchema,
        }
      : { type: tool.type, name: tool.name, id: tool.id },
  );
  if (tools.length > 0) attributes['gen_ai.tool.definitions'] = JSON.stringify(tools);
  return attributes;
}
