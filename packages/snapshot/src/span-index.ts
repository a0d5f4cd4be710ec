import type { Span } from '@agl/client';

/**
 * Parent/child lookups over one rollout's spans. Duplicate span ids (AGL 0.2 stores resent spans
 * twice) keep their first copy; a parent id that points nowhere, or into a cycle, makes a root.
 */
export class SpanIndex {
  /** The spans without duplicates, in the order given. */
  readonly spans: Span[];
  readonly #byId = new Map<string, Span>();
  readonly #depth = new Map<Span, number>();
  readonly #rooted = new Map<Span, boolean>();

  constructor(spans: readonly Span[]) {
    this.spans = [];
    for (const span of spans) {
      if (this.#byId.has(span.span_id)) continue;
      this.#byId.set(span.span_id, span);
      this.spans.push(span);
    }
  }

  /** The parent span, or null for a root (including orphans and spans caught in a cycle). */
  parentOf(span: Span): Span | null {
    if (span.parent_id === null || span.parent_id === span.span_id) return null;
    const parent = this.#byId.get(span.parent_id);
    if (parent === undefined) return null;
    return this.#reachesRoot(span) ? parent : null;
  }

  /** 0 for roots. */
  depthOf(span: Span): number {
    const known = this.#depth.get(span);
    if (known !== undefined) return known;
    const parent = this.parentOf(span);
    const depth = parent === null ? 0 : this.depthOf(parent) + 1;
    this.#depth.set(span, depth);
    return depth;
  }

  /** True when some ancestor satisfies the predicate. */
  hasAncestor(span: Span, predicate: (ancestor: Span) => boolean): boolean {
    for (let parent = this.parentOf(span); parent !== null; parent = this.parentOf(parent)) {
      if (predicate(parent)) return true;
    }
    return false;
  }

  #reachesRoot(span: Span): boolean {
    let rooted = this.#rooted.get(span);
    if (rooted === undefined) {
      rooted = this.#walkToRoot(span);
      this.#rooted.set(span, rooted);
    }
    return rooted;
  }

  #walkToRoot(span: Span): boolean {
    const seen = new Set<Span>([span]);
    let current = span;
    while (current.parent_id !== null && current.parent_id !== current.span_id) {
      const parent = this.#byId.get(current.parent_id);
      if (parent === undefined) return true;
      if (seen.has(parent)) return false;
      seen.add(parent);
      current = parent;
    }
    return true;
  }
}

/** Orders spans by start time (unknown first), then sequence id. */
export function compareSpansByStart(a: Span, b: Span): number {
  return (a.start_time ?? -Infinity) - (b.start_time ?? -Infinity) || a.sequence_id - b.sequence_id;
}
