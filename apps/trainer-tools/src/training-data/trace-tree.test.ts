import { describe, expect, it } from 'vitest';
import { hex, span } from '../../test/support/spans.ts';
import { buildTraceTree, repairHierarchy, type TraceNode, traverse } from './trace-tree.ts';

function shape(node: TraceNode): unknown {
  const name = node.span?.name ?? node.id;
  return node.children.length === 0 ? name : [name, node.children.map(shape)];
}

describe('buildTraceTree', () => {
  it('nests spans by parent, children in span order', () => {
    const tree = buildTraceTree([
      span('b', 'a', 'b', [1, 2]),
      span('a', null, 'a', [0, 5]),
      span('c', 'a', 'c', [3, 4]),
      span('d', 'b', 'd', [1, 2]),
    ]);
    expect(tree && shape(tree)).toEqual(['a', [['b', ['d']], 'c']]);
  });

  it('stands in for a missing parent, spanning its children', () => {
    const tree = buildTraceTree([span('b', 'gone', 'b', [1, 2]), span('c', 'gone', 'c', [3, 6])]);
    expect(tree?.id).toBe(hex('gone'));
    expect(tree?.span).toBeNull();
    expect([tree?.start, tree?.end]).toEqual([1001, 1006]);
  });

  it('puts several roots under virtual-root', () => {
    const tree = buildTraceTree([span('a', null, 'a', [0, 1]), span('b', null, 'b', [2, 3])]);
    expect(tree && shape(tree)).toEqual(['virtual-root', ['a', 'b']]);
    expect([tree?.start, tree?.end]).toEqual([1000, 1003]);
  });

  it('keeps a duplicated span once and leaves out spans in a parent cycle', () => {
    const a = span('a', null, 'a', [0, 1]);
    const tree = buildTraceTree([a, a, span('x', 'y', 'x', [0, 1]), span('y', 'x', 'y', [0, 1])]);
    expect(tree && shape(tree)).toBe('a');
    expect(buildTraceTree([])).toBeNull();
  });
});

describe('repairHierarchy', () => {
  // root → [wrapper, loose]; `loose` happened inside `inner` (a child of wrapper) in time.
  const spans = () => [
    span('r', null, 'root', [0, 10]),
    span('w', 'r', 'wrapper', [1, 9]),
    span('i', 'w', 'inner', [2, 6]),
    span('l', 'r', 'loose', [3, 4]),
  ];

  it('moves a root child under the tightest span enclosing it', () => {
    const tree = buildTraceTree(spans()) as TraceNode;
    repairHierarchy(tree, '0.2');
    expect(shape(tree)).toEqual(['root', [['wrapper', [['inner', ['loose']]]]]]);
  });

  it('0.3 first walks down single children; 0.2 stays at the root', () => {
    // root → only child `agent` → [a, b], where b lies within a.
    const nested = () => [
      span('r', null, 'root', [0, 10]),
      span('g', 'r', 'agent', [0, 10]),
      span('a', 'g', 'a', [1, 8]),
      span('b', 'g', 'b', [2, 3]),
    ];
    const old = buildTraceTree(nested()) as TraceNode;
    repairHierarchy(old, '0.2');
    expect(shape(old)).toEqual(['root', [['agent', ['a', 'b']]]]);
    const current = buildTraceTree(nested()) as TraceNode;
    repairHierarchy(current, '0.3');
    expect(shape(current)).toEqual(['root', [['agent', [['a', ['b']]]]]]);
  });

  it('traverses parents before children', () => {
    const tree = buildTraceTree(spans()) as TraceNode;
    expect(traverse(tree).map((node) => node.span?.name)).toEqual([
      'root',
      'wrapper',
      'inner',
      'loose',
    ]);
  });
});
