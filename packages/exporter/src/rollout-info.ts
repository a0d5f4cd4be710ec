import {
  AGENT_NAME_KEYS,
  LOG_EVENT_BODY_KEY,
  RUN_INPUT_KEY,
  RUN_METADATA_PREFIX,
} from '@agl/client';
import { traceloopRunInput, traceloopRunName } from '@agl/converter';
import { type Attributes, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** Metadata keys the exporter writes itself; user metadata cannot overwrite them. */
const RESERVED_KEYS = ['source', 'agent_name', 'service_name', 'trace_id', 'agent_span_id'];

/** Span attribute prefixes whose keys become rollout metadata (Mastra `tracingOptions.metadata`). */
const USER_METADATA_PREFIXES = ['mastra.metadata.', RUN_METADATA_PREFIX];

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The agent's name: GenAI attributes first, then an OpenLLMetry workflow's or agent's name, else
 * the span name without its operation prefix.
 */
export function agentName(span: Pick<ReadableSpan, 'name' | 'attributes'>): string {
  for (const key of AGENT_NAME_KEYS) {
    const value = span.attributes[key];
    if (typeof value === 'string' && value) return value;
  }
  const workflow = traceloopRunName(span.attributes);
  if (workflow !== undefined) return workflow;
  const match = /^(?:invoke_agent|agent run:)\s*'?([^']+)'?$/.exec(span.name.trim());
  return match?.[1] ?? span.name;
}

/** The text of a message's content: a string, or the text parts of a content list. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      if (typeof part === 'string') return part;
      if (!part || typeof part !== 'object') return '';
      const { type, text, content: inner } = part as Record<string, unknown>;
      if (type !== undefined && type !== 'text') return '';
      if (typeof text === 'string') return text;
      return typeof inner === 'string' ? inner : '';
    })
    .join('');
}

/** The first user message of a JSON message list: GenAI `parts`, OpenAI or AI SDK `content`. */
function firstUserInList(value: unknown): string | null {
  const list = typeof value === 'string' ? parseJson(value) : value;
  if (!Array.isArray(list)) return null;
  for (const message of list) {
    if (!message || typeof message !== 'object' || message.role !== 'user') continue;
    const text = contentText(Array.isArray(message.parts) ? message.parts : message.content);
    if (text) return text;
  }
  return null;
}

/** The first user message of an indexed layout (`gen_ai.prompt.{i}.role`, OpenInference's
 * `llm.input_messages.{i}.message.role`). */
function firstUserIndexed(attributes: Attributes, prefix: string, infix: string): unknown {
  for (let i = 0; i < 1000; i++) {
    const role = attributes[`${prefix}.${i}${infix}.role`];
    if (role === undefined) break;
    if (role !== 'user') continue;
    const content = attributes[`${prefix}.${i}${infix}.content`];
    if (content !== undefined) return content;
    return attributes[`${prefix}.${i}${infix}.contents.0.message_content.text`] ?? null;
  }
  return null;
}

/** The AI SDK's `ai.prompt` on a top-level call: `{system, prompt, messages}`. */
function aiSdkCallInput(value: unknown): unknown {
  if (typeof value !== 'string') return null;
  const parsed = parseJson(value);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const { prompt, messages } = parsed as Record<string, unknown>;
  if (typeof prompt === 'string' && prompt) return prompt;
  return firstUserInList(prompt) ?? firstUserInList(messages);
}

/** Text of the first user message in any layout a span may carry, else null. */
function firstUserMessage(attributes: Attributes): unknown {
  return (
    firstUserInList(attributes['gen_ai.input.messages']) ??
    aiSdkCallInput(attributes['ai.prompt']) ??
    firstUserInList(attributes['ai.prompt.messages']) ??
    firstUserIndexed(attributes, 'gen_ai.prompt', '') ??
    firstUserIndexed(attributes, 'llm.input_messages', '.message')
  );
}

/** A `gen_ai.user.message` log event added to its span (body as JSON text). */
function firstUserEvent(events: ReadableSpan['events'] | undefined): string | null {
  for (const event of events ?? []) {
    if (event.name !== 'gen_ai.user.message') continue;
    const body = event.attributes?.[LOG_EVENT_BODY_KEY];
    const parsed = typeof body === 'string' ? parseJson(body) : undefined;
    if (!parsed || typeof parsed !== 'object') continue;
    const text = contentText((parsed as Record<string, unknown>).content);
    if (text) return text;
  }
  return null;
}

/**
 * The rollout input: `aglRun`'s input, Mastra's raw agent input, an OpenLLMetry workflow's
 * arguments, else the first user message (GenAI, AI SDK, indexed or OpenInference layout, or
 * GenAI message events), else an OpenInference chain's `input.value`, else null. Works on a
 * run's root and on its model-call spans alike.
 */
export function rolloutInput(
  span: Pick<ReadableSpan, 'attributes'> & Partial<Pick<ReadableSpan, 'events'>>,
): unknown {
  for (const key of [RUN_INPUT_KEY, 'mastra.agent_run.input']) {
    const raw = span.attributes[key];
    if (typeof raw === 'string') return parseJson(raw);
  }
  const workflowInput = traceloopRunInput(span.attributes);
  if (workflowInput !== undefined) return workflowInput;
  const message = firstUserMessage(span.attributes) ?? firstUserEvent(span.events);
  if (message !== null) return message;
  const value = span.attributes['input.value'];
  if (typeof value === 'string' && value !== '') {
    return span.attributes['input.mime_type'] === 'application/json' ? parseJson(value) : value;
  }
  return null;
}

/** Rollout metadata from the agent span: who, where, which trace, plus user metadata. */
export function rolloutMetadata(
  span: Pick<ReadableSpan, 'name' | 'attributes' | 'resource' | 'spanContext'>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(span.attributes)) {
    for (const prefix of USER_METADATA_PREFIXES) {
      if (key.startsWith(prefix) && key.length > prefix.length) {
        metadata[key.slice(prefix.length)] = value;
      }
    }
  }
  Object.assign(metadata, extra);
  for (const key of RESERVED_KEYS) delete metadata[key];
  const service = span.resource.attributes['service.name'];
  const context = span.spanContext();
  return {
    ...metadata,
    source: 'otel',
    agent_name: agentName(span),
    service_name: typeof service === 'string' ? service : null,
    trace_id: context.traceId,
    agent_span_id: context.spanId,
  };
}

export interface RunOutcome {
  status: 'succeeded' | 'failed';
  error: string | null;
}

/** Succeeded unless the agent span's status is ERROR; the error text from status or exception. */
export function runOutcome(span: Pick<ReadableSpan, 'status' | 'events'>): RunOutcome {
  if (span.status.code !== SpanStatusCode.ERROR) return { status: 'succeeded', error: null };
  const exception = span.events.find((event) => event.name === 'exception');
  const message = exception?.attributes?.['exception.message'];
  const error =
    span.status.message ||
    (typeof message === 'string' ? message : '') ||
    'agent span ended with status ERROR';
  return { status: 'failed', error };
}
