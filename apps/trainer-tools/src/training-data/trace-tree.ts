import type { Span } from '@agl/client';
import type { AdapterVersion } from './reward-value.ts';

/** A node of AGL's `TraceTree`: a span, or a stand-in for a missing parent or several roots. */
export interface TraceNode {
  id: string;
  /** Null for a stand-in node. */
  span: Span | null;
  start: number;
  end: number;
  children: TraceNode[];
}

/**
 * Builds the span tree the way AGL's `TraceTree.from_spans` does: children in span order, a
 * stand-in node for a parent id that is referenced but missing (spanning its children), and a
 * `virtual-root` above several roots. Duplicate span ids (AGL 0.2 stores a resent span twice)
 * are kept once; spans caught in a parent cycle are left out. Unknown times count as -Infinity.
 */
export function buildTraceTree(spans: readonly Span[]): TraceNode | null {
  const byId = new Map<string, Span>();
  for (const span of spans) byId.set(span.span_id, span);
  const unique = [...byId.values()];
  if (unique.length === 0) return null;

  const childIds = new Map<string, string[]>();
  const rootIds: string[] = [];
  for (const span of unique) {
    if (span.parent_id === null) {
      rootIds.push(span.span_id);
      continue;
    }
    const list = childIds.get(span.parent_id) ?? [];
    list.push(span.span_id);
    childIds.set(span.parent_id, list);
  }
  for (const parentId of childIds.keys()) if (!byId.has(parentId)) rootIds.push(parentId);

  const visiting = new Set<string>();
  const visit = (id: string): TraceNode | null => {
    if (visiting.has(id)) return null;
    visiting.add(id);
    const children = (childIds.get(id) ?? [])
      .map(visit)
      .filter((node): node is TraceNode => node !== null);
    visiting.delete(id);
    const span = byId.get(id);
    if (span) return { id, span, start: time(span.start_time), end: time(span.end_time), children };
    return {
      id,
      span: null,
      start: Math.min(...children.map((child) => child.start)),
      end: Math.max(...children.map((child) => child.end)),
      children,
    };
  };
  const roots = rootIds.map(visit).filter((node): node is TraceNode => node !== null);
  if (roots.length === 0) return null;
  if (roots.length === 1) return roots[0] as TraceNode;
  return {
    id: 'virtual-root',
    span: null,
    start: (roots[0] as TraceNode).start,
    end: (roots.at(-1) as TraceNode).end,
    children: roots,
  };
}

/** Every node, depth first, parents before children (AGL's `traverse`). */
export function traverse(node: TraceNode): TraceNode[] {
  const nodes: TraceNode[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop() as TraceNode;
    nodes.push(current);
    for (let index = current.children.length - 1; index >= 0; index -= 1) {
      stack.push(current.children[index] as TraceNode);
    }
  }
  return nodes;
}

/**
 * AGL's `repair_hierarchy`: each child of the root moves under the tightest other node that
 * spans it in time (strictly longer). AGL 0.3 first walks down while a node has a single child
 * and repairs there; 0.2 repairs the root's children only.
 */
export function repairHierarchy(root: TraceNode, version: AdapterVersion): void {
  let node = root;
  if (version === '0.3') while (node.children.length === 1) node = node.children[0] as TraceNode;
  for (const candidate of [...node.children]) {
    if (node.children.length === 1) break;
    let closest: TraceNode | null = null;
    let closestDelta = Infinity;
    for (const other of traverse(node)) {
      if (other.id === candidate.id || other === node) continue;
      if (other.start <= candidate.start && other.end >= candidate.end) {
        const delta = other.end - candidate.end + candidate.start - other.start;
        if (delta > 0 && delta < closestDelta) {
          closestDelta = delta;
          closest = other;
        }
      }
    }
    if (closest !== null) {
      node.children.splice(node.children.indexOf(candidate), 1);
      closest.children.push(candidate);
    }
  }
}

function time(value: number | null): number {
  return value ?? -Infinity;
}
