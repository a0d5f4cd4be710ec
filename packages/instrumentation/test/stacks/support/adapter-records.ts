import type { AdapterMessage, AdapterOutput } from '@agl/testkit';
import { expect } from 'vitest';
import type { ServedCall } from './scripted-openai-server.ts';

/**
 * A request message as TraceToMessages spells it: a tool-calling turn without text has content
 * null, whether the provider sent it absent, null or `""` (AI SDK 4's did; telemetry records the
 * turn, not the provider's spelling of its empty text).
 */
export function asAdapterMessage(message: Record<string, unknown>): AdapterMessage {
  if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
    return {
      role: 'assistant',
      content:
        typeof message.content === 'string' && message.content !== '' ? message.content : null,
      tool_calls: message.tool_calls,
    };
  }
  return message as unknown as AdapterMessage;
}

/**
 * One TraceToMessages record per served call of a scripted run, each whole: the prompt is what
 * the client sent, message for message, with its tools (`toolsRecorded: false` for a library
 * that records no tool definitions: then none); the completion is the assistant message the
 * model answered with.
 */
export function expectOneWholeRecordPerCall(
  output: AdapterOutput,
  calls: ServedCall[],
  { toolsRecorded = true }: { toolsRecorded?: boolean } = {},
): void {
  expect(output.messages).toHaveLength(calls.length);
  output.messages.forEach((record, index) => {
    const sent = calls[index]?.body;
    if (!sent) throw new Error(`no request ${index}`);
    expect(record.messages.slice(0, sent.messages.length)).toEqual(
      sent.messages.map(asAdapterMessage),
    );
    expect(record.tools).toEqual(toolsRecorded ? sent.tools : null);
    const reply = calls[index]?.reply ?? {};
    expect(record.messages.slice(sent.messages.length)).toEqual([asAdapterMessage(reply)]);
  });
}

/** One triplet per served call, carrying that call's response id, and one whole record per call. */
export function expectTripletAndWholeRecordPerCall(
  output: AdapterOutput,
  calls: ServedCall[],
): void {
  expect(output.triplets.map((triplet) => triplet.metadata.response_id)).toEqual(
    calls.map((call) => call.id),
  );
  expectOneWholeRecordPerCall(output, calls);
}
