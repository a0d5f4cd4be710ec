// One OpenTelemetry span per language-model call, with the full request and response, for
// training. Mastra's own spans summarise a multi-step generation (its `chat` span keeps the first
// prompt and the final answer only); this AI SDK middleware records every call as it was made.
//
// Attributes follow the OpenTelemetry GenAI conventions Mastra's bridge uses
// (`gen_ai.input.messages` / `gen_ai.output.messages` with `parts`, `gen_ai.tool.definitions`,
// usage counters), plus `prompt_token_ids` / `response_token_ids` when the provider returns
// them (vLLM). `@agl/converter` derives the indexed layout AGL's adapters read from these.

import { MODEL_CALL_CHILD_SPANS_KEY } from '@agl/client';
import {
  type Attributes,
  type AttributeValue,
  context,
  INVALID_SPAN_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { type LanguageModelMiddleware, wrapLanguageModel } from 'ai';

type WrapOptions = Parameters<NonNullable<LanguageModelMiddleware['wrapGenerate']>>[0];
type CallOptions = WrapOptions['params'];
type Model = WrapOptions['model'];
type GenerateResult = Awaited<ReturnType<WrapOptions['doGenerate']>>;
type StreamResult = Awaited<ReturnType<WrapOptions['doStream']>>;
type StreamPart = StreamResult['stream'] extends ReadableStream<infer Part> ? Part : never;
type PromptMessage = CallOptions['prompt'][number];
type OutputContent = GenerateResult['content'][number];
type Usage = GenerateResult['usage'];
type FinishReason = GenerateResult['finishReason'];

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
export { MODEL_CALL_CHILD_SPANS_KEY };

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
      let result: GenerateResult;
      try {
        result = await context.with(call.context, doGenerate);
      } catch (error) {
        failCall(call.span, error);
        throw error;
      }
      finishCall(call.span, tracer, toolCallSpans, () => outcomeOfGenerate(result));
      return result;
    },

    wrapStream: async ({ doStream, params, model }) => {
      const call = startCall(tracer, params, model);
      let result: StreamResult;
      try {
        result = await context.with(call.context, doStream);
      } catch (error) {
        failCall(call.span, error);
        throw error;
      }
      const forwardRaw = !rawChunksAddedFor.has(params);
      const collector = new StreamCollector();
      let ended = false;
      const end = (finish: () => void) => {
        if (ended) return;
        ended = true;
        finish();
      };
      const stream = result.stream.pipeThrough(
        new TransformStream<StreamPart, StreamPart>({
          transform(part, controller) {
            collector.add(part);
            if (part.type === 'raw' && !forwardRaw) return;
            controller.enqueue(part);
          },
          flush() {
            end(() => finishCall(call.span, tracer, toolCallSpans, () => collector.outcome()));
          },
          cancel(reason) {
            end(() => {
              safely(() => call.span.setAttributes(outcomeAttributes(collector.outcome())));
              call.span.setStatus({
                code: SpanStatusCode.ERROR,
                message: `stream did not finish: ${errorMessage(reason)}`,
              });
              call.span.end();
            });
          },
        }),
      );
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

interface StartedCall {
  span: Span;
  context: ReturnType<typeof context.active>;
}

function startCall(tracer: Tracer, params: CallOptions, model: Model): StartedCall {
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

function finishCall(
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

// ---- request ---------------------------------------------------------------------------

function requestAttributes(params: CallOptions, model: Model): Attributes {
  const attributes: Attributes = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': model.provider.split('.')[0] ?? model.provider,
    'gen_ai.request.model': model.modelId,
    'gen_ai.input.messages': JSON.stringify(params.prompt.map(toGenAiMessage)),
  };
  const optional: Array<[string, AttributeValue | undefined]> = [
    ['gen_ai.request.temperature', params.temperature],
    ['gen_ai.request.top_p', params.topP],
    ['gen_ai.request.top_k', params.topK],
    ['gen_ai.request.max_tokens', params.maxOutputTokens],
    ['gen_ai.request.stop_sequences', params.stopSequences],
    ['gen_ai.request.frequency_penalty', params.frequencyPenalty],
    ['gen_ai.request.presence_penalty', params.presencePenalty],
    ['gen_ai.request.seed', params.seed],
    ['gen_ai.output.type', params.responseFormat?.type === 'json' ? 'json' : undefined],
  ];
  for (const [key, value] of optional) if (value !== undefined) attributes[key] = value;
  const tools = (params.tools ?? []).map((tool) =>
    tool.type === 'function'
      ? {
          type: 'function',
          name: tool.name,
          description: tool.description,
          parameters: tool.inputSchema,
        }
      : { type: tool.type, name: tool.name, id: tool.id },
  );
  if (tools.length > 0) attributes['gen_ai.tool.definitions'] = JSON.stringify(tools);
  return attributes;
}

type GenAiPart = Record<string, unknown>;

function toGenAiMessage(message: PromptMessage): { role: string; parts: GenAiPart[] } {
  if (message.role === 'system') {
    return { role: 'system', parts: [{ type: 'text', content: message.content }] };
  }
  const parts: GenAiPart[] = [];
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        parts.push({ type: 'text', content: part.text });
        break;
      case 'reasoning':
        parts.push({ type: 'reasoning', content: part.text });
        break;
      case 'tool-call':
        parts.push({
          type: 'tool_call',
          id: part.toolCallId,
          name: part.toolName,
          arguments: part.input,
        });
        break;
      case 'tool-result':
        parts.push({
          type: 'tool_call_response',
          id: part.toolCallId,
          response: toolOutput(part.output),
        });
        break;
      case 'file':
        parts.push(filePart(part.mediaType, part.data, part.filename));
        break;
      default:
        break;
    }
  }
  return { role: message.role, parts };
}

type ToolResultOutput = Extract<
  Extract<PromptMessage, { role: 'tool' }>['content'][number],
  { type: 'tool-result' }
>['output'];

/**
 * A tool result as the model receives it: the text an OpenAI-compatible provider puts in the
 * `tool` message (text as it is, JSON values and tool errors serialised), so the recorded prompt
 * is the one the model saw, byte for byte.
 */
export function toolOutput(output: ToolResultOutput): string {
  switch (output.type) {
    case 'execution-denied':
      return output.reason ?? 'Tool execution denied.';
    case 'text':
    case 'error-text':
      return output.value;
    default:
      return JSON.stringify(output.value) ?? '';
  }
}

type FileData = Extract<PromptMessage['content'][number], { type: 'file' }>['data'];

function filePart(mediaType: string, data: FileData, filename?: string): GenAiPart {
  const modality = mediaType.split('/')[0];
  const base: GenAiPart = { mime_type: mediaType };
  if (modality === 'image' || modality === 'audio' || modality === 'video')
    base.modality = modality;
  if (filename !== undefined) base.filename = filename;
  switch (data.type) {
    case 'url':
      return { type: 'uri', ...base, uri: data.url.href };
    case 'data':
      return {
        type: 'blob',
        ...base,
        content:
          typeof data.data === 'string' ? data.data : Buffer.from(data.data).toString('base64'),
      };
    case 'text':
      return { type: 'file', ...base, content: data.text };
    default:
      return { type: 'file', ...base };
  }
}

// ---- response --------------------------------------------------------------------------

interface CallOutcome {
  content: OutputContent[];
  finishReason: FinishReason | undefined;
  usage: Usage | undefined;
  responseId: string | undefined;
  responseModel: string | undefined;
  promptTokenIds: number[] | undefined;
  responseTokenIds: number[] | undefined;
  errors: unknown[];
}

function outcomeOfGenerate(result: GenerateResult): CallOutcome {
  const body = result.response?.body;
  const fromBody = tokenIdsFromChunk(body);
  const fromMetadata = tokenIdsFromMetadata(result.providerMetadata);
  return {
    content: result.content,
    finishReason: result.finishReason,
    usage: result.usage,
    responseId: result.response?.id,
    responseModel: result.response?.modelId,
    promptTokenIds: fromBody.prompt ?? fromMetadata.prompt,
    responseTokenIds: fromBody.response ?? fromMetadata.response,
    errors: [],
  };
}

function outcomeAttributes(outcome: CallOutcome): Attributes {
  const attributes: Attributes = {
    'gen_ai.output.messages': JSON.stringify([
      {
        role: 'assistant',
        parts: outcome.content.flatMap(toOutputPart),
        ...(outcome.finishReason ? { finish_reason: finishReasonName(outcome.finishReason) } : {}),
      },
    ]),
  };
  if (outcome.finishReason) {
    attributes['gen_ai.response.finish_reasons'] = [finishReasonName(outcome.finishReason)];
  }
  if (outcome.responseId !== undefined) attributes['gen_ai.response.id'] = outcome.responseId;
  if (outcome.responseModel !== undefined)
    attributes['gen_ai.response.model'] = outcome.responseModel;
  const usage = outcome.usage;
  const counters: Array<[string, number | undefined]> = [
    ['gen_ai.usage.input_tokens', usage?.inputTokens.total],
    ['gen_ai.usage.output_tokens', usage?.outputTokens.total],
    ['gen_ai.usage.cache_read.input_tokens', usage?.inputTokens.cacheRead],
    ['gen_ai.usage.cache_creation.input_tokens', usage?.inputTokens.cacheWrite],
    ['gen_ai.usage.reasoning_tokens', usage?.outputTokens.reasoning],
  ];
  for (const [key, value] of counters) if (typeof value === 'number') attributes[key] = value;
  if (outcome.promptTokenIds !== undefined) attributes.prompt_token_ids = outcome.promptTokenIds;
  if (outcome.responseTokenIds !== undefined)
    attributes.response_token_ids = outcome.responseTokenIds;
  return attributes;
}

function toOutputPart(part: OutputContent): GenAiPart[] {
  switch (part.type) {
    case 'text':
      return [{ type: 'text', content: part.text }];
    case 'reasoning':
      return [{ type: 'reasoning', content: part.text }];
    case 'tool-call':
      return [
        {
          type: 'tool_call',
          id: part.toolCallId,
          name: part.toolName,
          arguments: parseJsonOr(part.input),
        },
      ];
    case 'tool-result':
      return [{ type: 'tool_call_response', id: part.toolCallId, response: part.result }];
    case 'file':
      return [filePart(part.mediaType, part.data)];
    default:
      return [];
  }
}

/** The provider's own finish reason (e.g. OpenAI's `tool_calls`) when it sent one. */
function finishReasonName(reason: FinishReason): string {
  return reason.raw ?? reason.unified;
}

/** Accumulates what a streamed call produced. */
class StreamCollector {
  #texts = new Map<string, { type: 'text' | 'reasoning'; text: string }>();
  #content: OutputContent[] = [];
  #finishReason: FinishReason | undefined;
  #usage: Usage | undefined;
  #responseId: string | undefined;
  #responseModel: string | undefined;
  #promptTokenIds: number[] | undefined;
  #responseTokenIds: number[] | undefined;
  #metadataTokenIds: { prompt?: number[]; response?: number[] } = {};
  #errors: unknown[] = [];

  add(part: StreamPart): void {
    safely(() => this.#add(part));
  }

  #add(part: StreamPart): void {
    switch (part.type) {
      case 'text-start':
        this.#slot('text', part.id);
        break;
      case 'reasoning-start':
        this.#slot('reasoning', part.id);
        break;
      case 'text-delta':
        this.#slot('text', part.id).text += part.delta;
        break;
      case 'reasoning-delta':
        this.#slot('reasoning', part.id).text += part.delta;
        break;
      case 'tool-call':
      case 'tool-result':
      case 'file':
        this.#content.push(part);
        break;
      case 'response-metadata':
        this.#responseId = part.id ?? this.#responseId;
        this.#responseModel = part.modelId ?? this.#responseModel;
        break;
      case 'finish':
        this.#finishReason = part.finishReason;
        this.#usage = part.usage;
        this.#metadataTokenIds = tokenIdsFromMetadata(part.providerMetadata);
        break;
      case 'raw': {
        const ids = tokenIdsFromChunk(part.rawValue);
        if (ids.prompt !== undefined) this.#promptTokenIds ??= ids.prompt;
        if (ids.response !== undefined) {
          this.#responseTokenIds = (this.#responseTokenIds ?? []).concat(ids.response);
        }
        break;
      }
      case 'error':
        this.#errors.push(part.error);
        break;
      default:
        break;
    }
  }

  /** The text or reasoning part with this stream id, created in arrival order. */
  #slot(type: 'text' | 'reasoning', id: string): { type: 'text' | 'reasoning'; text: string } {
    const key = `${type}:${id}`;
    let slot = this.#texts.get(key);
    if (slot === undefined) {
      slot = { type, text: '' };
      this.#texts.set(key, slot);
      this.#content.push(slot as OutputContent);
    }
    return slot;
  }

  outcome(): CallOutcome {
    return {
      content: this.#content,
      finishReason: this.#finishReason,
      usage: this.#usage,
      responseId: this.#responseId,
      responseModel: this.#responseModel,
      promptTokenIds: this.#promptTokenIds ?? this.#metadataTokenIds.prompt,
      responseTokenIds: this.#responseTokenIds ?? this.#metadataTokenIds.response,
      errors: this.#errors,
    };
  }
}

// ---- token ids -------------------------------------------------------------------------

/**
 * vLLM (with `return_token_ids`) puts `prompt_token_ids` at the top of the response and the
 * completion's ids in `choices[0].token_ids` (newer OpenAI clients surface them under
 * `provider_specific_fields`); in a stream, each chunk carries the ids of its own delta.
 */
function tokenIdsFromChunk(chunk: unknown): { prompt?: number[]; response?: number[] } {
  if (!isRecord(chunk)) return {};
  const found: { prompt?: number[]; response?: number[] } = {};
  if (isIntArray(chunk.prompt_token_ids)) found.prompt = chunk.prompt_token_ids;
  const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
  if (isRecord(choice)) {
    const nested = isRecord(choice.provider_specific_fields)
      ? choice.provider_specific_fields.token_ids
      : undefined;
    const ids = choice.token_ids ?? nested;
    if (isIntArray(ids)) found.response = ids;
  }
  return found;
}

function tokenIdsFromMetadata(metadata: unknown): { prompt?: number[]; response?: number[] } {
  if (!isRecord(metadata)) return {};
  for (const entry of Object.values(metadata)) {
    if (!isRecord(entry)) continue;
    const prompt = entry.prompt_token_ids ?? entry.promptTokenIds;
    const response = entry.response_token_ids ?? entry.responseTokenIds;
    if (isIntArray(prompt) || isIntArray(response)) {
      return {
        ...(isIntArray(prompt) ? { prompt } : {}),
        ...(isIntArray(response) ? { response } : {}),
      };
    }
  }
  return {};
}

// ---- helpers ---------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIntArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item));
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toException(error: unknown): Error | string {
  return error instanceof Error ? error : errorMessage(error);
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** Recording must never break the model call: any failure here is swallowed. */
function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
