/**
 * Remembers which LLM-call span issued each tool call, so that a tool-execution span recorded as
 * the call's sibling (AI SDK telemetry) can be placed under it on the AGL copy: AGL's
 * `TraceToMessages` reads a completion's tool calls from the children of the LLM span. Bounded:
 * the oldest entries go first. A tool span converted before its LLM span keeps its parent.
 */
export interface ToolCallIssuer {
  spanId: string;
  /** The arguments the model gave the call (JSON text). */
  arguments: string;
}

export class ToolCallParents {
  readonly #parents = new Map<string, ToolCallIssuer>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  /** The LLM-call span `spanId` of trace `traceId` issued these tool calls. */
  remember(
    traceId: string,
    spanId: string,
    toolCalls: ReadonlyArray<{ id: string; arguments: string }>,
  ): void {
    for (const call of toolCalls) {
      if (call.id === '') continue;
      const key = `${traceId}/${call.id}`;
      this.#parents.delete(key);
      this.#parents.set(key, { spanId, arguments: call.arguments });
    }
    while (this.#parents.size > this.#capacity) {
      const oldest = this.#parents.keys().next().value;
      if (oldest === undefined) break;
      this.#parents.delete(oldest);
    }
  }

  /** The LLM-call span that issued tool call `toolCallId`, when known. */
  issuerOf(traceId: string, toolCallId: string): ToolCallIssuer | undefined {
    return this.#parents.get(`${traceId}/${toolCallId}`);
  }
}
