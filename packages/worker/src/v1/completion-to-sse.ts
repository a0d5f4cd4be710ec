// AGL 1.0's gateway answers only non-streaming chat completions. Agents whose SDK streams get the
// complete answer replayed as one OpenAI-style event stream, so they need no change.

interface ToolCall {
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

interface Choice {
  index?: number;
  message?: {
    role?: string;
    content?: string | null;
    refusal?: string | null;
    tool_calls?: ToolCall[];
  };
  logprobs?: unknown;
  finish_reason?: string | null;
}

interface Completion {
  id?: string;
  created?: number;
  model?: string;
  system_fingerprint?: string;
  choices?: Choice[];
  usage?: unknown;
}

/**
 * The `data:` payloads of a `chat.completion.chunk` stream carrying the same answer as the
 * `chat.completion` body: one chunk with each choice's whole message, one with its finish reason,
 * a usage chunk when `includeUsage`, then `[DONE]`.
 */
export function completionToChunks(completion: Completion, includeUsage: boolean): string[] {
  const common = {
    id: completion.id ?? 'chatcmpl-gateway',
    object: 'chat.completion.chunk',
    created: completion.created ?? Math.floor(Date.now() / 1000),
    model: completion.model ?? 'unknown',
    ...(completion.system_fingerprint ? { system_fingerprint: completion.system_fingerprint } : {}),
  };
  const choices = completion.choices ?? [];
  const content = choices.map((choice, position) => {
    const message = choice.message ?? {};
    return {
      index: choice.index ?? position,
      delta: {
        role: message.role ?? 'assistant',
        content: message.content ?? null,
        ...(message.tool_calls
          ? { tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
          : {}),
      },
      logprobs: choice.logprobs ?? null,
      finish_reason: null,
    };
  });
  const finish = choices.map((choice, position) => ({
    index: choice.index ?? position,
    delta: {},
    logprobs: null,
    finish_reason: choice.finish_reason ?? 'stop',
  }));
  const chunks = [
    JSON.stringify({ ...common, choices: content }),
    JSON.stringify({ ...common, choices: finish }),
  ];
  if (includeUsage)
    chunks.push(JSON.stringify({ ...common, choices: [], usage: completion.usage ?? null }));
  chunks.push('[DONE]');
  return chunks;
}

/** The chunks as a `text/event-stream` body. */
export function chunksToEventStream(chunks: string[]): string {
  return chunks.map((chunk) => `data: ${chunk}\n\n`).join('');
}
