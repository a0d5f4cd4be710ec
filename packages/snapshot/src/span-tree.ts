import type { Span } from '@agl/client';
import { compareSpansByStart, SpanIndex } from './span-index.ts';
import type { SpanTreeNode } from './types.ts';

/**
 * Nests spans by `parent_id`. Spans whose parent is missing become roots; siblings and roots are
 * ordered by start time. Offsets count from the earliest span start; a span without both times
 * gets a duration of 0.
 */
export function buildSpanTree(spans: readonly Span[]): SpanTreeNode[] {
  const index = new SpanIndex(spans);
  const origin = earliestStart(index.spans);
  const nodes = new Map<Span, SpanTreeNode>();
  for (const span of index.spans) {
    nodes.set(span, {
      span,
      offsetMs: span.start_time === null || origin === null ? 0 : toMs(span.start_time - origin),
      durationMs:
        span.start_time === null || span.end_time === null
          ? 0
          : Math.max(0, toMs(span.end_time - span.start_time)),
      children: [],
    });
  }
  const roots: SpanTreeNode[] = [];
  for (const span of [...index.spans].sort(compareSpansByStart)) {
    const node = nodes.get(span) as SpanTreeNode;
    const parent = index.parentOf(span);
    if (parent === null) roots.push(node);
    else nodes.get(parent)?.children.push(node);
  }
  return roots;
}

function earliestStart(spans: readonly Span[]): number | null {
  let earliest: number | null = null;
  for (const span of spans) {
    if (span.start_time !== null && (earliest === null || span.start_time < earliest)) {
      earliest = span.start_time;
    }
  }
  return earliest;
}

/** Seconds to milliseconds, rounded to the microsecond to hide float noise. */
function toMs(seconds: number): number {
  return Math.round(seconds * 1_000_000) / 1_000;
}
