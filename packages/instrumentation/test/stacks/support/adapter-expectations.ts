import { expect } from 'vitest';
import type { AdapterMessage, AdapterOutput } from './agl-adapters.ts';
import type { ServedCall } from './scripted-openai-server.ts';

/** A request message as TraceToMessages spells it (no `content` on a tool-calling turn: null). */
export function asAdapterMessage(message: Record<string, unknown>): AdapterMessage {
  if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
    return {
      role: 'assistant',
      content: typeof message.content === 'string' ? message.content : null,
      tool_calls: message.tool_calls,
    };
  }
  return message as unknown as AdapterMessage;
}

/**
 * One triplet per served call (with its response id) and one `TraceToMessages` record per
 * call whose prompt is the request message for message, whose tools are the request's, and
 * whose completion is the turn the next request carries back (or `finalAnswer`).
 */
export function expectWholeRecordPerCall(
  output: AdapterOutput,
  calls: readonly ServedCall[],
  finalAnswer: string,
): void {
  expect(output.triplets).toHaveLength(calls.length);
  expect(output.triplets.map((t) => t.metadata.response_id)).toEqual(calls.map((c) => c.id));
  expect(output.messages).toHaveLength(calls.length);
  output.messages.forEach((record, index) => {
    const sent = calls[index]?.body;
    if (!sent) throw new Error(`no request ${index}`);
    const prompt = record.messages.slice(0, sent.messages.length);
    expect(prompt).toEqual(sent.messages.map(asAdapterMessage));
    expect(record.tools).toEqual(sent.tools);
    const next = calls[index + 1]?.body.messages.at(-2);
    expect(record.messages.slice(sent.messages.length)).toEqual(
      next ? [asAdapterMessage(next)] : [{ role: 'assistant', content: finalAnswer }],
    );
  });
}
