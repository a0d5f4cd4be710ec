import type { Attributes } from '@opentelemetry/api';

// AI SDK 4's `streamText` runs a tool while the model call that asked for it is still streaming,
// and records the execution (`ai.toolCall`) beside that call, not under it: the tool span ends
// first. The converter can only place a tool span under the model call that issued it once it
// has seen that call, so such a span waits in its run for the next AI SDK model call (or the
// run's end) and is converted after it.

const AI_SDK_OPERATION_ID = 'ai.operationId';
/** Waiting spans per run beyond which they are converted at once (in their recorded place). */
export const MAX_WAITING_TOOL_SPANS = 64;

/** An AI SDK tool execution: it may end before the model call that issued it. */
export function waitsForModelCall(attributes: Attributes): boolean {
  return attributes[AI_SDK_OPERATION_ID] === 'ai.toolCall';
}

/** Any other AI SDK span (a model call, a top-level call): the waiting tool spans follow it. */
export function releasesWaitingToolSpans(attributes: Attributes): boolean {
  const operation = attributes[AI_SDK_OPERATION_ID];
  return typeof operation === 'string' && operation !== 'ai.toolCall';
}
