import { type Attributes, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** Metadata keys the exporter writes itself; user metadata cannot overwrite them. */
const RESERVED_KEYS = ['source', 'agent_name', 'service_name', 'trace_id', 'agent_span_id'];

/** Span attribute prefixes whose keys become rollout metadata (Mastra `tracingOptions.metadata`). */
const USER_METADATA_PREFIXES = ['mastra.metadata.', 'agl.metadata.'];

const AGENT_NAME_KEYS = ['gen_ai.agent.name', 'agent.name', 'gen_ai.agent.id'];

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The agent's name: GenAI attributes first, else the span name without its operation prefix. */
export function agentName(span: Pick<ReadableSpan, 'name' | 'attributes'>): string {
  for (const key of AGENT_NAME_KEYS) {
    const value = span.attributes[key];
    if (typeof value === 'string' && value) return value;
  }
  const match = /^(?:invoke_agent|agent run:)\s*'?([^']+)'?$/.exec(span.name.trim());
  return match?.[1] ?? span.name;
}

/** Text of the first user message in GenAI `gen_ai.input.messages` (parts) or indexed prompts. */
function firstUserMessage(attributes: Attributes): unknown {
  const messages = attributes['gen_ai.input.messages'];
  if (typeof messages === 'string') {
    const parsed = parseJson(messages);
    if (Array.isArray(parsed)) {
      for (const message of parsed) {
        if (message && typeof message === 'object' && message.role === 'user') {
          const parts = Array.isArray(message.parts) ? message.parts : [];
          const text = parts
            .map((part: { content?: unknown }) =>
              typeof part?.content === 'string' ? part.content : '',
            )
            .join('');
          if (text) return text;
          if (typeof message.content === 'string') return message.content;
        }
      }
    }
  }
  for (let i = 0; i < 1000; i++) {
    const role = attributes[`gen_ai.prompt.${i}.role`];
    if (role === undefined) break;
    if (role === 'user') return attributes[`gen_ai.prompt.${i}.content`] ?? null;
  }
  return null;
}

/** The rollout input: Mastra's raw agent input, else the first user message, else null. */
export function rolloutInput(span: Pick<ReadableSpan, 'attributes'>): unknown {
  const raw = span.attributes['mastra.agent_run.input'];
  if (typeof raw === 'string') return parseJson(raw);
  return firstUserMessage(span.attributes);
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
