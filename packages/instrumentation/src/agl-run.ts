import { RUN_INPUT_KEY, RUN_MARKER_KEY, RUN_METADATA_PREFIX } from '@agl/client';
import {
  type Attributes,
  context,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';

export interface AglRunOptions {
  /** The rollout input (any JSON value); default: the first user message the run sends. */
  input?: unknown;
  /** Rollout metadata (`agl.metadata.*` attributes), e.g. `{ userId: 'u1' }`. */
  metadata?: Record<string, string | number | boolean>;
  /** Tracer to open the span with; default the global provider's (`registerAgl()` sets it). */
  tracer?: Tracer;
}

const TRACER_NAME = '@agl/instrumentation';

/**
 * Runs `fn` as one agent run: it opens an `invoke_agent <name>` span that the AGL exporter takes
 * as the root of a rollout, makes it active while `fn` runs (so every span the app's libraries
 * create inside lands in that rollout), and ends it with `fn`'s outcome: a throw or rejection
 * marks the run failed and is passed on unchanged.
 *
 * ```ts
 * const answer = await aglRun('support-bot', () => generateText({ model, prompt, tools }));
 * ```
 */
export async function aglRun<T>(
  name: string,
  fn: (span: Span) => T | Promise<T>,
  options: AglRunOptions = {},
): Promise<T> {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError('aglRun: name must be a non-empty string naming the agent or job.');
  }
  if (typeof fn !== 'function') {
    throw new TypeError('aglRun: the second argument must be the function to run.');
  }
  const tracer = options.tracer ?? trace.getTracer(TRACER_NAME);
  const span = tracer.startSpan(`invoke_agent ${name}`, {
    attributes: runAttributes(name, options),
  });
  try {
    const result = await context.with(trace.setSpan(context.active(), span), () => fn(span));
    span.setStatus({ code: SpanStatusCode.OK });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    span.recordException(error instanceof Error ? error : message);
    span.setStatus({ code: SpanStatusCode.ERROR, message });
    throw error;
  } finally {
    span.end();
  }
}

function runAttributes(name: string, options: AglRunOptions): Attributes {
  const attributes: Attributes = {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.agent.name': name,
    [RUN_MARKER_KEY]: true,
  };
  if (options.input !== undefined) {
    const text = safeJson(options.input);
    if (text !== undefined) attributes[RUN_INPUT_KEY] = text;
  }
  for (const [key, value] of Object.entries(options.metadata ?? {})) {
    attributes[`${RUN_METADATA_PREFIX}${key}`] = value;
  }
  return attributes;
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
