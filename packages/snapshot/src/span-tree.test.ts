import { describe, expect, it } from 'vitest';
import { buildSpanTree } from './span-tree.ts';
import { makeSpan } from './testing/builders.ts';
import type { SpanTreeNode } from './types.ts';

function shape(nodes: SpanTreeNode[]): unknown[] {
  return nodes.map((node) =>
    node.children.length === 0 ? node.span.name : { [node.span.name]: shape(node.children) },
  );
}

describe('buildSpanTree', () => {
  it('nests children under parents and orders siblings by start time', () => {
    const root = makeSpan({ span_id: 'a', name: 'agent', start_time: 100, end_time: 110 });
    const later = makeSpan({ span_id: 'c', parent_id: 'a', name: 'tool', start_time: 105 });
    const earlier = makeSpan({ span_id: 'b', parent_id: 'a', name: 'chat', start_time: 101 });
    const leaf = makeSpan({ span_id: 'd', parent_id: 'b', name: 'step', start_time: 102 });
    expect(shape(buildSpanTree([leaf, later, root, earlier]))).toEqual([
      { agent: [{ chat: ['step'] }, 'tool'] },
    ]);
  });

  it('computes offsets from the first span start and durations in milliseconds', () => {
    const root = makeSpan({ span_id: 'a', start_time: 100, end_time: 103.5 });
    const child = makeSpan({ span_id: 'b', parent_id: 'a', start_time: 100.25, end_time: 100.75 });
    const [node] = buildSpanTree([child, root]);
    expect(node?.offsetMs).toBe(0);
    expect(node?.durationMs).toBe(3500);
    expect(node?.children[0]?.offsetMs).toBe(250);
    expect(node?.children[0]?.durationMs).toBe(500);
  });

  it('makes orphans roots, ordered by start among the other roots', () => {
    const orphan = makeSpan({ span_id: 'x', parent_id: 'missing', name: 'orphan', start_time: 5 });
    const root = makeSpan({ span_id: 'a', name: 'root', start_time: 10 });
    expect(shape(buildSpanTree([root, orphan]))).toEqual(['orphan', 'root']);
  });

  it('survives cycles and self-parents without losing spans', () => {
    const a = makeSpan({ span_id: 'a', parent_id: 'b', name: 'a', start_time: 1 });
    const b = makeSpan({ span_id: 'b', parent_id: 'a', name: 'b', start_time: 2 });
    const self = makeSpan({ span_id: 's', parent_id: 's', name: 'self', start_time: 3 });
    expect(shape(buildSpanTree([a, b, self]))).toEqual(['a', 'b', 'self']);
  });

  it('keeps the first copy of a duplicated span id', () => {
    const first = makeSpan({ span_id: 'a', name: 'first' });
    const copy = makeSpan({ span_id: 'a', name: 'copy' });
    expect(shape(buildSpanTree([first, copy]))).toEqual(['first']);
  });

  it('gives spans without times a zero offset and duration', () => {
    const [node] = buildSpanTree([makeSpan({ start_time: null, end_time: null })]);
    expect(node).toMatchObject({ offsetMs: 0, durationMs: 0 });
  });

  it('returns an empty forest for no spans', () => {
    expect(buildSpanTree([])).toEqual([]);
  });
});
