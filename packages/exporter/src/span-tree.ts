/**
 * The spans of one trace seen so far, linked by parent id, with the run each one is placed in
 * and the item it holds while its ancestors are unknown. Pure data: no timers, no I/O.
 */

export interface SpanFacts {
  traceId: string;
  spanId: string;
  /** Undefined for a root span. */
  parentSpanId: string | undefined;
  /** A remote parent ends the local tree, like no parent. */
  parentIsRemote: boolean;
  isAgent: boolean;
}

export interface RunRef {
  /** `traceId/spanId` of the run's root span. */
  key: string;
  traceId: string;
  rootSpanId: string;
}

export interface SpanNode<T> {
  facts: SpanFacts;
  run: RunRef | undefined;
  ended: boolean;
  held: T | undefined;
  heldSince: number;
}

export interface TraceTree<T> {
  nodes: Map<string, SpanNode<T>>;
  heldCount: number;
  openCount: number;
  lastActivity: number;
}

/** A malformed input may link spans in a cycle: no walk goes further than this. */
const MAX_DEPTH = 10_000;

export function runRefOf(root: SpanFacts): RunRef {
  return { key: `${root.traceId}/${root.spanId}`, traceId: root.traceId, rootSpanId: root.spanId };
}

export function newSpanNode<T>(facts: SpanFacts, run?: RunRef): SpanNode<T> {
  return { facts, run, ended: false, held: undefined, heldSince: 0 };
}

export function newTraceTree<T>(now: number): TraceTree<T> {
  return { nodes: new Map(), heldCount: 0, openCount: 0, lastActivity: now };
}

/**
 * The node and its ancestors up to the local root, or up to the first one already placed in a
 * run. Undefined when an ancestor has not been seen yet.
 */
export function chainToRoot<T>(trace: TraceTree<T>, node: SpanNode<T>): SpanNode<T>[] | undefined {
  const chain = [node];
  let current = node;
  while (current.run === undefined && current.facts.parentSpanId && !current.facts.parentIsRemote) {
    const parent = trace.nodes.get(current.facts.parentSpanId);
    if (!parent) return undefined;
    chain.push(parent);
    current = parent;
    if (chain.length > MAX_DEPTH) return undefined;
  }
  return chain;
}

/** The ancestors that are known, for deciding without the rest. */
export function knownChain<T>(trace: TraceTree<T>, node: SpanNode<T>): SpanNode<T>[] {
  const chain = [node];
  let current = node;
  while (current.run === undefined && current.facts.parentSpanId) {
    const parent = trace.nodes.get(current.facts.parentSpanId);
    if (!parent || chain.length > MAX_DEPTH) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

/** The nodes holding an item, as a list (callers change `held` while they walk it). */
export function heldNodes<T>(trace: TraceTree<T>): SpanNode<T>[] {
  const held: SpanNode<T>[] = [];
  for (const node of trace.nodes.values()) if (node.held !== undefined) held.push(node);
  return held;
}
