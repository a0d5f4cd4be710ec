import type { ConversationMessage } from './conversation.ts';
import { extractFacts, type TextFacts } from './text-facts.ts';

export interface ToolResult {
  readonly callId: string;
  /** The called tool's name, when the call is in the conversation. */
  readonly name: string;
  readonly text: string;
  /** The result parsed as JSON, or undefined when it is not JSON. */
  readonly value: unknown;
}

/** What the policy reads from a conversation to shape its answer. */
export interface ConversationContext {
  /** The last user message, or else the last non-empty message: what the reply is about. */
  readonly focusText: string;
  readonly facts: TextFacts;
  /** Tool results that arrived after the last user message, in order. */
  readonly toolResults: readonly ToolResult[];
}

export function lastUserIndex(messages: readonly ConversationMessage[]): number {
  return messages.findLastIndex((item) => item.role === 'user');
}

/** Tool results after the last user message: the calls made for the current question. */
export function currentToolResults(messages: readonly ConversationMessage[]): ToolResult[] {
  const start = lastUserIndex(messages) + 1;
  const names = new Map<string, string>();
  for (const item of messages) for (const call of item.toolCalls) names.set(call.id, call.name);
  return messages
    .slice(start)
    .filter((item) => item.role === 'tool')
    .map((item) => {
      const callId = item.toolCallId ?? '';
      return {
        callId,
        name: names.get(callId) ?? '',
        text: item.text,
        value: parseJson(item.text),
      };
    });
}

export function readConversation(messages: readonly ConversationMessage[]): ConversationContext {
  const user = messages[lastUserIndex(messages)];
  const fallback = messages.findLast((item) => item.role !== 'system' && item.text.trim() !== '');
  const focusText = (user?.text ?? fallback?.text ?? '').trim();
  return { focusText, facts: extractFacts(focusText), toolResults: currentToolResults(messages) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
