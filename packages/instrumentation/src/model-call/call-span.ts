// The life of one model call's span: started before the call, ended once with its outcome.
import { MODEL_CALL_CHILD_SPANS_KEY } from '@agl/client';
import {
  context,
  INVALID_SPAN_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { CallOutcome } from './call-outcome.ts';
import { outcomeAttributes } from './outcome-attributes.ts';
import { requestAttributes } from './request-attributes.ts';
import { errorMessage, safely, toException } from './safely.ts';
import type { CallOptions, Model, OutputContent } from './sdk-types.ts';

export interface StartedCall {
  span: Span;
  /** The active context with the call's span, so spans made during the call nest under it. */
  context: ReturnType<typeof context.active>;
}

/** Marks the active span as having a model-call child and starts the call's span. */
export function startCall(tracer: Tracer, params: CallOptions, model: Model): StartedCall {
  safely(() => {
    const active = trace.getActiveSpan();
    if (active?.isRecording()) active.setAttribute(MODEL_CALL_CHILD_SPANS_KEY, true);
  });
  const span =
    safely(() =>
      tracer.startSpan(`chat ${model.modelId}`, {
        kind: SpanKind.CLIENT,
        attributes: safely(() => requestAttributes(params, model)) ?? {},
      }),
    ) ?? trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
  return { span, context: trace.setSpan(context.active(), span) };
}

/** Runs the provider call with its span active; a call that throws ends the span as an error. */
export async function runInCall<T>(call: StartedCall, run: () => PromiseLike<T>): Promise<T> {
  try {
    return await context.with(call.context, run);
  } catch (error) {
    failCall(call.span, error);
    throw error;
  }
}

/** Ends the span of a call that threw, as an error. */
function failCall(span: Span, error: unknown): void {
  safely(() => {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
  });
  span.end();
}

/** Ends the span of a completed call with its outcome (an error if the stream reported any). */
export function finishCall(
  span: Span,
  tracer: Tracer,
  toolCallSpans: boolean,
  readOutcome: () => CallOutcome,
): void {
  safely(() => {
    const outcome = readOutcome();
    span.setAttributes(outcomeAttributes(outcome));
    if (outcome.errors.length > 0) {
      for (const error of outcome.errors) span.recordException(toException(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(outcome.errors[0]) });
    }
    if (toolCallSpans) emitToolCallSpans(tracer, span, outcome.content);
  });
  span.end();
}

/** Ends the span of a stream the consumer cancelled, with what arrived before, as an error. */
export function cancelCall(span: Span, outcome: () => CallOutcome, reason: unknown): void {
  safely(() => span.setAttributes(outcomeAttributes(outcome())));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: `stream did not finish: ${errorMessage(reason)}`,
  });
  span.end();
}

/** One zero-length child span per tool call, in the GenAI tool attributes. */
function emitToolCallSpans(tracer: Tracer, parent: Span, content: readonly OutputContent[]): void {
  const parentContext = trace.setSpan(context.active(), parent);
  for (const part of content) {
    if (part.type !== 'tool-call') continue;
    tracer
      .startSpan(
        `tool_call ${part.toolName}`,
        {
          kind: SpanKind.INTERNAL,
          attributes: {
            'gen_ai.tool.name': part.toolName,
            'gen_ai.tool.call.id': part.toolCallId,
            'gen_ai.tool.call.arguments': part.input,
            'gen_ai.tool.type': 'function',
          },
        },
        parentContext,
      )
      .end();
  }
}
