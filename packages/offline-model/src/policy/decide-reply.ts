import { canonicalJson } from '../canonical-json.ts';
import { stableHash } from '../hash.ts';
import { generateValue } from '../schema/generate-value.ts';
import { isRecord } from '../schema/json-schema.ts';
import { composeAnswer } from './compose-answer.ts';
import type { ModelReply, ModelRequest, OfferedTool, ToolCall } from './conversation.ts';
import { conversationSuggester } from './conversation-suggester.ts';
import {
  type ConversationContext,
  currentToolResults,
  readConversation,
} from './read-conversation.ts';

/** Most tool calls the offline model makes in one turn. */
export const MAX_TOOL_CALLS = 4;

/**
 * The offline model's whole behaviour:
 * 1. Tools offered and no tool results since the last user message → call the tools (one call
 *    each, at most {@link MAX_TOOL_CALLS}, one only when parallel calls are off), with arguments
 *    generated from each tool's schema and the user's text.
 * 2. Otherwise answer: JSON for the requested schema, or a plain-text summary.
 * The reply is a pure function of the request.
 */
export function decideReply(request: ModelRequest): ModelReply {
  const fingerprint = fingerprintRequest(request);
  const context = readConversation(request.messages);
  const tools = toolsToCall(request);
  if (tools.length > 0) {
    return {
      type: 'tool_calls',
      calls: tools.map((tool, index) => callTool(tool, index, context, fingerprint)),
    };
  }
  return { type: 'message', text: composeAnswer(request.output, context, fingerprint) };
}

export function toolsToCall(request: ModelRequest): readonly OfferedTool[] {
  const choice = request.toolChoice;
  if (request.tools.length === 0 || choice.type === 'none') return [];
  if (currentToolResults(request.messages).length > 0) return [];
  const candidates =
    choice.type === 'function'
      ? request.tools.filter((tool) => tool.name === choice.name)
      : request.tools;
  return candidates.slice(0, request.parallelToolCalls ? MAX_TOOL_CALLS : 1);
}

/** A hash of everything that shapes the reply: the seed of every id and generated value. */
export function fingerprintRequest(request: ModelRequest): string {
  return stableHash(canonicalJson(request), 32);
}

function callTool(
  tool: OfferedTool,
  index: number,
  context: ConversationContext,
  fingerprint: string,
): ToolCall {
  const seed = `${fingerprint}|${index}|${tool.name}`;
  const value = generateValue(tool.parameters, {
    seed,
    suggester: conversationSuggester(context, seed),
  });
  return {
    id: `call_${stableHash(seed, 24)}`,
    name: tool.name,
    arguments: JSON.stringify(isRecord(value) ? value : {}),
  };
}
