/** The provider-neutral view of a request that the policy decides on. */

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface ToolCall {
  readonly id: string;
  readonly name: string;
  /** JSON text, as the OpenAI APIs carry it. */
  readonly arguments: string;
}

export interface ConversationMessage {
  readonly role: Role;
  readonly text: string;
  /** Calls an assistant message made. */
  readonly toolCalls: readonly ToolCall[];
  /** For tool results: the id of the call they answer. */
  readonly toolCallId?: string;
}

export interface OfferedTool {
  readonly name: string;
  readonly description: string;
  /** The JSON Schema of the arguments. */
  readonly parameters: unknown;
}

export type ToolChoice =
  | { readonly type: 'auto' | 'none' | 'required' }
  | { readonly type: 'function'; readonly name: string };

export type OutputFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly name: string; readonly schema: unknown };

export interface ModelRequest {
  readonly messages: readonly ConversationMessage[];
  readonly tools: readonly OfferedTool[];
  readonly toolChoice: ToolChoice;
  readonly parallelToolCalls: boolean;
  readonly output: OutputFormat;
}

export type ModelReply =
  | { readonly type: 'tool_calls'; readonly calls: readonly ToolCall[] }
  | { readonly type: 'message'; readonly text: string };

export function message(
  role: Role,
  text: string,
  extra: { toolCalls?: readonly ToolCall[]; toolCallId?: string } = {},
): ConversationMessage {
  return {
    role,
    text,
    toolCalls: extra.toolCalls ?? [],
    ...(extra.toolCallId !== undefined ? { toolCallId: extra.toolCallId } : {}),
  };
}
