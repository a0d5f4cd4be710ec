import type { Attributes } from '@opentelemetry/api';
import { type ChatMessage, parseMessages } from './messages.ts';
import { asJsonText, isRecord, readJson } from './read-attribute.ts';

// LangChain.js runs traced by OpenInference (`@arizeai/openinference-instrumentation-langchain`):
// an LLM span's `input.value` holds LangChain's serialised messages (`{messages: [[{lc, id:
// [..., "HumanMessage"], kwargs}]]}`) and `output.value` its generations. Unlike the indexed
// `llm.*` messages, they keep the tool call ids. A TOOL span's output is the `ToolMessage`, with
// the id of the call it answered.

const ROLES: Record<string, string> = {
  SystemMessage: 'system',
  SystemMessageChunk: 'system',
  HumanMessage: 'user',
  HumanMessageChunk: 'user',
  AIMessage: 'assistant',
  AIMessageChunk: 'assistant',
  ToolMessage: 'tool',
  ToolMessageChunk: 'tool',
};

export interface LangChainCall {
  prompt: ChatMessage[];
  completion: ChatMessage[];
  responseId: string | undefined;
}

/** The prompt and completion of a LangChain chat model run, or undefined when the span does not
 * hold LangChain's serialised messages. */
export function readLangChainCall(attributes: Attributes): LangChainCall | undefined {
  const input = readJson(attributes, 'input.value');
  const batches = isRecord(input) && Array.isArray(input.messages) ? input.messages : undefined;
  const firstBatch = batches?.[0];
  if (!Array.isArray(firstBatch)) return undefined;
  const prompt = parseMessages(firstBatch.map(toOpenAiMessage));
  const output = readJson(attributes, 'output.value');
  const generation =
    isRecord(output) && Array.isArray(output.generations) && Array.isArray(output.generations[0])
      ? output.generations[0][0]
      : undefined;
  const message = isRecord(generation) ? generation.message : undefined;
  const completion = parseMessages([toOpenAiMessage(message)]);
  const kwargs = isRecord(message) && isRecord(message.kwargs) ? message.kwargs : undefined;
  return {
    prompt,
    completion,
    responseId: typeof kwargs?.id === 'string' ? kwargs.id : undefined,
  };
}

/** The tool call a LangChain TOOL span answered: the id and name of its `ToolMessage`. */
export function readLangChainToolCall(
  attributes: Attributes,
): { id: string; name: string } | undefined {
  if (attributes['openinference.span.kind'] !== 'TOOL') return undefined;
  const output = readJson(attributes, 'output.value');
  const message = isRecord(output) ? output.output : undefined;
  const kwargs = isRecord(message) && isRecord(message.kwargs) ? message.kwargs : undefined;
  if (typeof kwargs?.tool_call_id !== 'string' || kwargs.tool_call_id === '') return undefined;
  const name = typeof kwargs.name === 'string' ? kwargs.name : attributes['tool.name'];
  return { id: kwargs.tool_call_id, name: typeof name === 'string' ? name : '' };
}

/** One serialised LangChain message as an OpenAI chat message (what the provider sends). */
function toOpenAiMessage(serialised: unknown): Record<string, unknown> {
  if (!isRecord(serialised) || !isRecord(serialised.kwargs)) return {};
  const kwargs = serialised.kwargs;
  const className = Array.isArray(serialised.id) ? serialised.id.at(-1) : undefined;
  const role =
    (typeof className === 'string' ? ROLES[className] : undefined) ??
    (typeof kwargs.role === 'string' ? kwargs.role : undefined);
  if (role === undefined) return {};
  const message: Record<string, unknown> = { role, content: kwargs.content ?? '' };
  if (role === 'tool') message.tool_call_id = kwargs.tool_call_id;
  const raw = isRecord(kwargs.additional_kwargs) ? kwargs.additional_kwargs.tool_calls : undefined;
  if (Array.isArray(raw) && raw.length > 0) message.tool_calls = raw;
  else if (Array.isArray(kwargs.tool_calls) && kwargs.tool_calls.length > 0) {
    message.tool_calls = kwargs.tool_calls.flatMap((call) =>
      isRecord(call)
        ? [
            {
              id: call.id,
              type: 'function',
              function: { name: call.name, arguments: asJsonText(call.args ?? {}) },
            },
          ]
        : [],
    );
  }
  return message;
}
