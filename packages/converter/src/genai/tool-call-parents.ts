/**
 * Remembers which LLM-call span issued each tool call, so that a tool-execution span recorded as
 * the call's sibling (AI SDK telemetry) can be placed under it on the AGL copy: AGL's
 * `TraceToMessages` reads a completion's tool calls from the children of the LLM span. Bounded:
 * the oldest entries go first. A tool span converted before its LLM span keeps its parent, and
 * then no later span for the same call is moved: such an early tool span is a child of the LLM
 * span (the model-call middleware records the calls below the call), so the completion already
 * has that tool call, and a second one under it would double it.
 */
export interface ToolCallIssuer {
  spanId: string;
  /** The arguments the model gave the call (JSON text). */
  arguments: string;
}

export class ToolCallParents {
  readonly #parents = new Map<string, ToolCallIssuer>();
  /** Tool calls whose tool span came before any LLM span issued them. */
  readonly #placedEarly = new Map<string, true>();
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
      if (this.#placedEarly.has(key)) continue;
      this.#parents.delete(key);
      this.#parents.set(key, { spanId, arguments: call.arguments });
    }
    this.#bound(this.#parents);
  }

  /** A span ran tool call `toolCallId` before an LLM span issuing it was seen. */
  placedEarly(traceId: string, toolCallId: string): void {
    if (toolCallId === '') return;
    const key = `${traceId}/${toolCallId}`;
    if (this.#parents.has(key)) return;
    this.#placedEarly.set(key, true);
    this.#bound(this.#placedEarly);
  }

  #bound(map: Map<string, unknown>): void {
    while (map.size > this.#capacity) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }

  /** The LLM-call span that issued tool call `toolCallId`, when known. */
  issuerOf(traceId: string, toolCallId: string): ToolCallIssuer | undefined {
    return this.#parents.get(`${traceId}/${toolCallId}`);
  }
}
