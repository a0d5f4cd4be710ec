// The AI SDK's middleware types the model-call recording reads, named once.
import type { LanguageModelMiddleware } from 'ai';

type WrapOptions = Parameters<NonNullable<LanguageModelMiddleware['wrapGenerate']>>[0];
export type CallOptions = WrapOptions['params'];
export type Model = WrapOptions['model'];
export type GenerateResult = Awaited<ReturnType<WrapOptions['doGenerate']>>;
export type StreamResult = Awaited<ReturnType<WrapOptions['doStream']>>;
export type StreamPart = StreamResult['stream'] extends ReadableStream<infer Part> ? Part : never;
export type PromptMessage = CallOptions['prompt'][number];
export type OutputContent = GenerateResult['content'][number];
export type Usage = GenerateResult['usage'];
export type FinishReason = GenerateResult['finishReason'];

/** One part of a GenAI-convention message (`gen_ai.input.messages` / `gen_ai.output.messages`). */
export type GenAiPart = Record<string, unknown>;
