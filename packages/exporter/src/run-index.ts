/**
 * Decides which agent run (rollout) each span belongs to, from parent links alone.
 *
 * A run is rooted at the outermost agent span of a local span tree (or at the local root in
 * `trace` scope). A span's run is known once every ancestor up to the local root has been seen:
 * a span processor sees ancestors start, so that is immediate; a bare exporter sees spans end,
 * children first, so children are held here until their ancestors arrive. Held spans are bounded
 * in count and time; what cannot be placed is handed back as expired.
 *
 * Pure data structure: no timers, no I/O. The caller passes the clock.
 */

import {
  emptyResult,
  type IndexResult,
  mergeResults,
  NO_RESULT,
  type Placement,
} from './index-result.ts';
import {
  chainToRoot,
  heldNodes,
  knownChain,
  newSpanNode,
  newTraceTree,
  type RunRef,
  runRefOf,
  type SpanFacts,
  type SpanNode,
  type TraceTree,
} from './span-tree.ts';

export type RunScope = 'agent' | 'trace';

export interface RunIndexOptions {
  scope: RunScope;
  /** Most items held at once while their ancestors are unknown. */
  maxHeld: number;
  /** How long an item may wait for its ancestors before it is decided with what is known. */
  maxHoldMs: number;
  /** How long a finished trace's span links are kept, for late spans. */
  lingerMs: number;
  /** A trace idle this long is forgotten even with spans that never ended (leaked spans). */
  staleMs: number;
}

export class RunIndex<T> {
  readonly #traces = new Map<string, TraceTree<T>>();
  readonly #options: RunIndexOptions;
  #held = 0;

  constructor(options: RunIndexOptions) {
    this.#options = options;
  }

  get heldCount(): number {
    return this.#held;
  }

  get traceCount(): number {
    return this.#traces.size;
  }

  /** Spans of one trace held while their ancestors are unknown. */
  heldInTrace(traceId: string): number {
    return this.#traces.get(traceId)?.heldCount ?? 0;
  }

  /** A span started (processor mode): its run, when known, is decided now. */
  spanStarted(facts: SpanFacts, now: number): IndexResult<T> & { run: RunRef | undefined } {
    const trace = this.#trace(facts.traceId, now);
    let node = trace.nodes.get(facts.spanId);
    if (!node) {
      node = newSpanNode(facts);
      trace.nodes.set(facts.spanId, node);
      trace.openCount++;
    }
    const result = this.#resolve(trace, node);
    return { ...result, run: node.run };
  }

  /**
   * Fast path for a span that starts under a parent already placed in a run: it joins that run
   * (an agent nested in an agent stays in the outer run, so no agent test is needed). False when
   * the parent is not placed; call `spanStarted` then.
   */
  startedInPlacedRun(traceId: string, spanId: string, parentSpanId: string, now: number): boolean {
    const trace = this.#traces.get(traceId);
    const run = trace?.nodes.get(parentSpanId)?.run;
    if (!trace || !run || trace.nodes.has(spanId)) return false;
    const facts = { traceId, spanId, parentSpanId, parentIsRemote: false, isAgent: false };
    trace.nodes.set(spanId, newSpanNode(facts, run));
    trace.openCount++;
    trace.lastActivity = now;
    return true;
  }

  /**
   * A span ended and carries `item`. Returns where it and any held items now go. `isAgent` may
   * change at end (attributes are often set then).
   */
  spanEnded(facts: SpanFacts, item: T, now: number): IndexResult<T> {
    const trace = this.#trace(facts.traceId, now);
    let node = trace.nodes.get(facts.spanId);
    if (node) {
      if (!node.ended) trace.openCount--;
      node.facts = { ...facts, isAgent: node.facts.isAgent || facts.isAgent };
    } else {
      node = newSpanNode(facts);
      trace.nodes.set(facts.spanId, node);
    }
    node.ended = true;
    if (node.run) {
      return { newRuns: [], placed: [{ item, run: node.run }], outside: [] };
    }
    node.held = item;
    node.heldSince = now;
    trace.heldCount++;
    this.#held++;
    const result = this.#resolveTrace(trace);
    const overflow = this.#enforceHeldLimit();
    return mergeResults(result, overflow);
  }

  /** Decides items held longer than `maxHoldMs` and forgets idle traces. Call periodically. */
  sweep(now: number): IndexResult<T> {
    let result: IndexResult<T> = emptyResult<T>();
    for (const [traceId, trace] of this.#traces) {
      if (trace.heldCount > 0) {
        result = mergeResults(result, this.#expire(trace, now - this.#options.maxHoldMs));
      }
      const idle = now - trace.lastActivity;
      if (
        trace.heldCount === 0 &&
        ((trace.openCount <= 0 && idle >= this.#options.lingerMs) || idle >= this.#options.staleMs)
      ) {
        this.#traces.delete(traceId);
      }
    }
    return result;
  }

  /** Decides every held item with what is known (shutdown, flush). */
  drain(): IndexResult<T> {
    let result: IndexResult<T> = emptyResult<T>();
    for (const trace of this.#traces.values()) {
      result = mergeResults(result, this.#expire(trace, Number.POSITIVE_INFINITY));
    }
    return result;
  }

  /** Forgets a trace's bookkeeping once its runs are finished and nothing is held. */
  forgetIdle(traceId: string): void {
    const trace = this.#traces.get(traceId);
    if (trace && trace.heldCount === 0 && trace.openCount <= 0) this.#traces.delete(traceId);
  }

  #trace(traceId: string, now: number): TraceTree<T> {
    let trace = this.#traces.get(traceId);
    if (!trace) {
      trace = newTraceTree(now);
      this.#traces.set(traceId, trace);
    }
    trace.lastActivity = now;
    return trace;
  }

  #resolve(trace: TraceTree<T>, node: SpanNode<T>, force = false): IndexResult<T> {
    if (node.run) return NO_RESULT;
    let chain = chainToRoot(trace, node);
    if (!chain) {
      if (!force) return NO_RESULT;
      chain = knownChain(trace, node);
    }
    const top = chain[chain.length - 1] as SpanNode<T>;
    let root: SpanNode<T> | undefined;
    let inherited: RunRef | undefined = top.run;
    if (!inherited) {
      if (this.#options.scope === 'trace') {
        root = top;
      } else {
        for (let i = chain.length - 1; i >= 0; i--) {
          if ((chain[i] as SpanNode<T>).facts.isAgent) {
            root = chain[i];
            break;
          }
        }
      }
    }
    const newRuns: RunRef[] = [];
    if (root) {
      inherited = runRefOf(root.facts);
      newRuns.push(inherited);
    }
    if (!inherited) return NO_RESULT;
    const placed: Placement<T>[] = [];
    const stopAt = root ? chain.indexOf(root) : chain.length - 1;
    for (let i = 0; i <= stopAt; i++) {
      const member = chain[i] as SpanNode<T>;
      if (member.run) continue;
      member.run = inherited;
      if (member.held !== undefined) {
        placed.push({ item: member.held, run: inherited });
        this.#release(trace, member);
      }
    }
    return { newRuns, placed, outside: [] };
  }

  #resolveTrace(trace: TraceTree<T>): IndexResult<T> {
    let result: IndexResult<T> = emptyResult<T>();
    // A node placed by an earlier iteration passes its run down to the held nodes below it.
    for (const node of heldNodes(trace)) {
      if (node.held === undefined) continue;
      result = mergeResults(result, this.#resolve(trace, node));
    }
    return mergeResults(result, this.#decideOutside(trace));
  }

  /**
   * Held spans whose whole chain is known but contains no agent are outside every run. They are
   * given up once their local root has ended (a processor may still learn at end that an open
   * ancestor is an agent).
   */
  #decideOutside(trace: TraceTree<T>): IndexResult<T> {
    const outside: T[] = [];
    for (const node of heldNodes(trace)) {
      if (node.held === undefined) continue;
      const chain = chainToRoot(trace, node);
      if (!chain) continue;
      const top = chain[chain.length - 1] as SpanNode<T>;
      if (top.run) continue;
      if (chain.every((member) => member.ended)) {
        outside.push(node.held);
        this.#release(trace, node);
      }
    }
    return { newRuns: [], placed: [], outside };
  }

  #expire(trace: TraceTree<T>, heldBefore: number): IndexResult<T> {
    let result: IndexResult<T> = emptyResult<T>();
    for (const node of heldNodes(trace)) {
      if (node.held === undefined || node.heldSince > heldBefore) continue;
      result = mergeResults(result, this.#resolve(trace, node, true));
      if (node.held !== undefined) {
        result.outside.push(node.held);
        this.#release(trace, node);
      }
    }
    return result;
  }

  #enforceHeldLimit(): IndexResult<T> {
    if (this.#held <= this.#options.maxHeld) return NO_RESULT;
    // Decide the oldest held items with what is known until back under the limit.
    const all: Array<{ trace: TraceTree<T>; node: SpanNode<T> }> = [];
    for (const trace of this.#traces.values()) {
      for (const node of trace.nodes.values())
        if (node.held !== undefined) all.push({ trace, node });
    }
    all.sort((a, b) => a.node.heldSince - b.node.heldSince);
    let result: IndexResult<T> = emptyResult<T>();
    for (const { trace, node } of all) {
      if (this.#held <= this.#options.maxHeld) break;
      if (node.held === undefined) continue;
      result = mergeResults(result, this.#resolve(trace, node, true));
      if (node.held !== undefined) {
        result.outside.push(node.held);
        this.#release(trace, node);
      }
    }
    return result;
  }

  #release(trace: TraceTree<T>, node: SpanNode<T>): void {
    node.held = undefined;
    trace.heldCount--;
    this.#held--;
  }
}
