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

export type RunScope = 'agent' | 'trace';

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

export interface Placement<T> {
  item: T;
  run: RunRef;
}

export interface IndexResult<T> {
  /** Runs whose root became known with this call (start their rollouts). */
  newRuns: RunRef[];
  /** Held or given items that now have a run. */
  placed: Placement<T>[];
  /** Items that belong to no run (outside every agent span): drop and count them. */
  outside: T[];
}

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

interface Node<T> {
  facts: SpanFacts;
  run: RunRef | undefined;
  ended: boolean;
  held: T | undefined;
  heldSince: number;
}

interface TraceState<T> {
  nodes: Map<string, Node<T>>;
  heldCount: number;
  openCount: number;
  lastActivity: number;
}

const NO_RESULT = { newRuns: [], placed: [], outside: [] };

function runKey(traceId: string, spanId: string): string {
  return `${traceId}/${spanId}`;
}

export class RunIndex<T> {
  readonly #traces = new Map<string, TraceState<T>>();
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
      node = { facts, run: undefined, ended: false, held: undefined, heldSince: 0 };
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
    trace.nodes.set(spanId, {
      facts: { traceId, spanId, parentSpanId, parentIsRemote: false, isAgent: false },
      run,
      ended: false,
      held: undefined,
      heldSince: 0,
    });
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
      node = { facts, run: undefined, ended: false, held: undefined, heldSince: 0 };
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
    return merge(result, overflow);
  }

  /** Decides items held longer than `maxHoldMs` and forgets idle traces. Call periodically. */
  sweep(now: number): IndexResult<T> {
    let result: IndexResult<T> = { newRuns: [], placed: [], outside: [] };
    for (const [traceId, trace] of this.#traces) {
      if (trace.heldCount > 0) {
        result = merge(result, this.#expire(trace, now - this.#options.maxHoldMs));
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
    let result: IndexResult<T> = { newRuns: [], placed: [], outside: [] };
    for (const trace of this.#traces.values()) {
      result = merge(result, this.#expire(trace, Number.POSITIVE_INFINITY));
    }
    return result;
  }

  /** Forgets a trace's bookkeeping once its runs are finished and nothing is held. */
  forgetIdle(traceId: string): void {
    const trace = this.#traces.get(traceId);
    if (trace && trace.heldCount === 0 && trace.openCount <= 0) this.#traces.delete(traceId);
  }

  #trace(traceId: string, now: number): TraceState<T> {
    let trace = this.#traces.get(traceId);
    if (!trace) {
      trace = { nodes: new Map(), heldCount: 0, openCount: 0, lastActivity: now };
      this.#traces.set(traceId, trace);
    }
    trace.lastActivity = now;
    return trace;
  }

  /** Walks to the local root. Undefined when an ancestor has not been seen yet. */
  #chain(trace: TraceState<T>, node: Node<T>): Node<T>[] | undefined {
    const chain = [node];
    let current = node;
    while (
      current.run === undefined &&
      current.facts.parentSpanId &&
      !current.facts.parentIsRemote
    ) {
      const parent = trace.nodes.get(current.facts.parentSpanId);
      if (!parent) return undefined;
      chain.push(parent);
      current = parent;
      if (chain.length > 10_000) return undefined; // a cycle in malformed input
    }
    return chain;
  }

  #resolve(trace: TraceState<T>, node: Node<T>, force = false): IndexResult<T> {
    if (node.run) return NO_RESULT;
    let chain = this.#chain(trace, node);
    if (!chain) {
      if (!force) return NO_RESULT;
      chain = this.#knownChain(trace, node);
    }
    const top = chain[chain.length - 1] as Node<T>;
    let root: Node<T> | undefined;
    let inherited: RunRef | undefined = top.run;
    if (!inherited) {
      if (this.#options.scope === 'trace') {
        root = top;
      } else {
        for (let i = chain.length - 1; i >= 0; i--) {
          if ((chain[i] as Node<T>).facts.isAgent) {
            root = chain[i];
            break;
          }
        }
      }
    }
    const newRuns: RunRef[] = [];
    if (root) {
      inherited = {
        key: runKey(root.facts.traceId, root.facts.spanId),
        traceId: root.facts.traceId,
        rootSpanId: root.facts.spanId,
      };
      newRuns.push(inherited);
    }
    if (!inherited) return NO_RESULT;
    const placed: Placement<T>[] = [];
    const stopAt = root ? chain.indexOf(root) : chain.length - 1;
    for (let i = 0; i <= stopAt; i++) {
      const member = chain[i] as Node<T>;
      if (member.run) continue;
      member.run = inherited;
      if (member.held !== undefined) {
        placed.push({ item: member.held, run: inherited });
        this.#release(trace, member);
      }
    }
    return { newRuns, placed, outside: [] };
  }

  /** The ancestors that are known, for deciding without the rest. */
  #knownChain(trace: TraceState<T>, node: Node<T>): Node<T>[] {
    const chain = [node];
    let current = node;
    while (current.run === undefined && current.facts.parentSpanId) {
      const parent = trace.nodes.get(current.facts.parentSpanId);
      if (!parent || chain.length > 10_000) break;
      chain.push(parent);
      current = parent;
    }
    return chain;
  }

  #resolveTrace(trace: TraceState<T>): IndexResult<T> {
    let result: IndexResult<T> = { newRuns: [], placed: [], outside: [] };
    // A node placed by an earlier iteration passes its run down to the held nodes below it.
    for (const node of this.#heldNodes(trace)) {
      if (node.held === undefined) continue;
      result = merge(result, this.#resolve(trace, node));
    }
    return merge(result, this.#decideOutside(trace));
  }

  /**
   * Held spans whose whole chain is known but contains no agent are outside every run. They are
   * given up once their local root has ended (a processor may still learn at end that an open
   * ancestor is an agent).
   */
  #decideOutside(trace: TraceState<T>): IndexResult<T> {
    const outside: T[] = [];
    for (const node of this.#heldNodes(trace)) {
      if (node.held === undefined) continue;
      const chain = this.#chain(trace, node);
      if (!chain) continue;
      const top = chain[chain.length - 1] as Node<T>;
      if (top.run) continue;
      if (chain.every((member) => member.ended)) {
        outside.push(node.held);
        this.#release(trace, node);
      }
    }
    return { newRuns: [], placed: [], outside };
  }

  #expire(trace: TraceState<T>, heldBefore: number): IndexResult<T> {
    let result: IndexResult<T> = { newRuns: [], placed: [], outside: [] };
    for (const node of this.#heldNodes(trace)) {
      if (node.held === undefined || node.heldSince > heldBefore) continue;
      result = merge(result, this.#resolve(trace, node, true));
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
    const all: Array<{ trace: TraceState<T>; node: Node<T> }> = [];
    for (const trace of this.#traces.values()) {
      for (const node of trace.nodes.values())
        if (node.held !== undefined) all.push({ trace, node });
    }
    all.sort((a, b) => a.node.heldSince - b.node.heldSince);
    let result: IndexResult<T> = { newRuns: [], placed: [], outside: [] };
    for (const { trace, node } of all) {
      if (this.#held <= this.#options.maxHeld) break;
      if (node.held === undefined) continue;
      result = merge(result, this.#resolve(trace, node, true));
      if (node.held !== undefined) {
        result.outside.push(node.held);
        this.#release(trace, node);
      }
    }
    return result;
  }

  #heldNodes(trace: TraceState<T>): Node<T>[] {
    const held: Node<T>[] = [];
    for (const node of trace.nodes.values()) if (node.held !== undefined) held.push(node);
    return held;
  }

  #release(trace: TraceState<T>, node: Node<T>): void {
    node.held = undefined;
    trace.heldCount--;
    this.#held--;
  }
}

function merge<T>(a: IndexResult<T>, b: IndexResult<T>): IndexResult<T> {
  if (
    b === NO_RESULT ||
    (b.newRuns.length === 0 && b.placed.length === 0 && b.outside.length === 0)
  ) {
    return a;
  }
  return {
    newRuns: [...a.newRuns, ...b.newRuns],
    placed: [...a.placed, ...b.placed],
    outside: [...a.outside, ...b.outside],
  };
}
