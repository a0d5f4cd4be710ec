// One OpenTelemetry span per language-model call, with the full request and response, for
// training. Mastra's own spans summarise a multi-step generation (its `chat` span keeps the first
// prompt and the final answer only); this AI SDK middleware records every call as it was made.
//
// Attributes follow the OpenTelemetry GenAI conventions Mastra's bridge uses
// (`gen_ai.input.messages` / `gen_ai.output.messages` with `parts`, `gen_ai.tool.definitions`,
// usage counters), plus `prompt_token_ids` / `response_token_ids` when the provider returns
// them (vLLM). `@agl/converter` derives the indexed layout AGL's adapters read from these.

import type { Tracer } from '@opentelemetry/api';
import { type LanguageModelMiddleware, wrapLanguageModel } from 'ai';
import { outcomeOfGenerate } from './model-call/call-outcome.ts';
import { finishCall, runInCall, startCall } from './model-call/call-span.ts';
import { recordedStream } from './model-call/recorded-stream.ts';

export interface ModelCallSpansOptions {
  /** Tracer for the per-call spans: one from the provider whose spans reach AGL. */
  tracer: Tracer;
  /**
   * Also emit one zero-length child span (`tool_call <name>`) per tool call the model asked
   * for. AGL's TraceToMessages reads a completion's tool calls from child spans. Default true.
   */
  toolCallSpans?: boolean;
  /**
   * For streamed calls, ask the provider for its raw chunks so token ids can be read from them
   * (vLLM sends them only there); the raw chunks are removed from the stream again unless the
   * caller asked for them. Default true.
   */
  rawChunks?: boolean;
}

/**
 * Set on the span that is active when the model is called (Mastra's `model_step`), telling
 * `@agl/converter` that the call below it has a span of its own, so only that one counts as the
 * LLM call.
 */
export { MODEL_CALL_CHILD_SPANS_KEY } from '@agl/client';
export { toolOutput } from './model-call/request-attributes.ts';

/** An AI SDK language-model middleware that records each call as its own span. */
export function modelCallSpansMiddleware(options: ModelCallSpansOptions): LanguageModelMiddleware {
  const { tracer } = options;
  if (tracer === undefined || typeof tracer.startSpan !== 'function') {
    throw new TypeError(
      'modelCallSpansMiddleware needs { tracer }: pass trace.getTracer(name) from the provider that exports to AGL.',
    );
  }
  const toolCallSpans = options.toolCallSpans ?? true;
  const rawChunks = options.rawChunks ?? true;
  // Call options of streamed calls for which raw chunks were requested here, not by the caller.
  const rawChunksAddedFor = new WeakSet<object>();

  return {
    specificationVersion: 'v4',

    transformParams: async ({ type, params }) => {
      if (type !== 'stream' || !rawChunks || params.includeRawChunks === true) return params;
      const withRaw = { ...params, includeRawChunks: true };
      rawChunksAddedFor.add(withRaw);
      return withRaw;
    },

    wrapGenerate: async ({ doGenerate, params, model }) => {
      const call = startCall(tracer, params, model);
      const result = await runInCall(call, doGenerate);
      finishCall(call.span, tracer, toolCallSpans, () => outcomeOfGenerate(result));
      return result;
    },

    wrapStream: async ({ doStream, params, model }) => {
      const call = startCall(tracer, params, model);
      const result = await runInCall(call, doStream);
      const stream = recordedStream(result.stream, call, {
        tracer,
        toolCallSpans,
        forwardRaw: !rawChunksAddedFor.has(params),
      });
      return { ...result, stream };
    },
  };
}

/** `model` wrapped so that each call is recorded as its own span. */
export function withModelCallSpans(
  model: Parameters<typeof wrapLanguageModel>[0]['model'],
  options: ModelCallSpansOptions,
): ReturnType<typeof wrapLanguageModel> {
  return wrapLanguageModel({ model, middleware: modelCallSpansMiddleware(options) });
}
