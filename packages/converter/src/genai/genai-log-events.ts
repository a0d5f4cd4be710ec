import { LOG_EVENT_BODY_KEY } from '@agl/client';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';
import { type ChatMessage, parseMessages } from './messages.ts';
import { isRecord, readJson } from './read-attribute.ts';

// `@opentelemetry/instrumentation-openai` (and other OpenTelemetry contrib GenAI
// instrumentations of the same generation) log each prompt message as one event
// (`gen_ai.system.message`, `gen_ai.user.message`, `gen_ai.assistant.message` with
// `tool_calls`, `gen_ai.tool.message` with the call `id`) and each completion choice as
// `gen_ai.choice` (`{index, finish_reason, message: {content, tool_calls}}`), in order.

const PROMPT_ROLES: Record<string, string> = {
  'gen_ai.system.message': 'system',
  'gen_ai.user.message': 'user',
  'gen_ai.assistant.message': 'assistant',
  'gen_ai.tool.message': 'tool',
};
const CHOICE = 'gen_ai.choice';

export interface GenAiEventsModelCall {
  prompt: ChatMessage[];
  completion: ChatMessage[];
  /** Some message came without its text (content capture off in the instrumentation). */
  contentMissing: boolean;
}

export function hasGenAiMessageEvents(events: readonly TimedEvent[]): boolean {
  return events.some((event) => event.name in PROMPT_ROLES || event.name === CHOICE);
}

export function readGenAiEventsModelCall(events: readonly TimedEvent[]): GenAiEventsModelCall {
  const prompt: unknown[] = [];
  const choices: Array<{ index: number; entry: Record<string, unknown> }> = [];
  let contentMissing = false;
  for (const event of events) {
    const role = PROMPT_ROLES[event.name];
    if (role === undefined && event.name !== CHOICE) continue;
    const body = readJson(event.attributes ?? {}, LOG_EVENT_BODY_KEY);
    if (!isRecord(body)) {
      contentMissing = true;
      continue;
    }
    if (role !== undefined) {
      const entry = promptEntry(role, body);
      if (!hasText(entry)) contentMissing = true;
      prompt.push(entry);
      continue;
    }
    const message = isRecord(body.message) ? body.message : {};
    const entry = { ...message, role: 'assistant', finish_reason: body.finish_reason };
    if (!hasText(entry)) contentMissing = true;
    choices.push({ index: typeof body.index === 'number' ? body.index : choices.length, entry });
  }
  choices.sort((a, b) => a.index - b.index);
  return {
    prompt: parseMessages(prompt),
    completion: parseMessages(choices.map((choice) => choice.entry)),
    contentMissing,
  };
}

function promptEntry(role: string, body: Record<string, unknown>): Record<string, unknown> {
  if (role !== 'tool') return { ...body, role };
  const { id, ...rest } = body;
  return { ...rest, role, tool_call_id: id };
}

/** Text, or tool calls with their arguments: what a message has when content was captured. */
function hasText(entry: Record<string, unknown>): boolean {
  if (typeof entry.content === 'string') return true;
  const calls = entry.tool_calls;
  return (
    Array.isArray(calls) &&
    calls.length > 0 &&
    calls.every((call) => isRecord(call) && isRecord(call.function) && 'arguments' in call.function)
  );
}
