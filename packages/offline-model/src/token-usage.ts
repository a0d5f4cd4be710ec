import type { ModelReply, ModelRequest } from './policy/conversation.ts';
import { tokenIds } from './tokens.ts';

export interface TokenUsage {
  readonly promptTokenIds: readonly number[];
  readonly completionTokenIds: readonly number[];
}

/**
 * Token accounting for a request and its reply, with the offline tokenizer: the prompt is every
 * message (role, text, tool calls) plus every tool definition; the completion is the answer text
 * or the calls' names and arguments. Counts always equal the lengths of the id lists.
 */
export function countUsage(request: ModelRequest, reply: ModelReply): TokenUsage {
  return {
    promptTokenIds: tokenIds(renderPrompt(request)),
    completionTokenIds: tokenIds(renderReply(reply)),
  };
}

export function renderPrompt(request: ModelRequest): string {
  const lines: string[] = [];
  for (const item of request.messages) {
    lines.push(`${item.role}: ${item.text}`);
    for (const call of item.toolCalls) lines.push(`call ${call.name} ${call.arguments}`);
  }
  for (const tool of request.tools) {
    lines.push(`tool ${tool.name}: ${tool.description} ${JSON.stringify(tool.parameters) ?? ''}`);
  }
  return lines.join('\n');
}

export function renderReply(reply: ModelReply): string {
  if (reply.type === 'message') return reply.text;
  return reply.calls.map((call) => `${call.name} ${call.arguments}`).join('\n');
}
