import type { Rollout, Span } from '@agl/client';

/** AGL's default `llm_call_match`: a regex *search* on the span name. */
export const LLM_CALL_NAME = /openai\.chat\.completion/;

export function isLlmCall(span: Span): boolean {
  return LLM_CALL_NAME.test(span.name);
}

export function isAgentSpan(span: Span): boolean {
  return (
    span.attributes['gen_ai.operation.name'] === 'invoke_agent' ||
    span.attributes['mastra.span.type'] === 'agent_run'
  );
}

export function stringAttribute(span: Span, key: string): string | null {
  const value = span.attributes[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Orders by end time (unknown first), then sequence id. */
export function compareByEnd(a: Span, b: Span): number {
  return (a.end_time ?? -Infinity) - (b.end_time ?? -Infinity) || a.sequence_id - b.sequence_id;
}

/** The span of the agent run: metadata `agent_span_id`, else the topmost agent span. */
export function findAgentSpan(rollout: Rollout, spans: readonly Span[]): Span | null {
  const byId = new Map(spans.map((span) => [span.span_id, span]));
  const declared = rollout.metadata?.agent_span_id;
  if (typeof declared === 'string') {
    const span = byId.get(declared);
    if (span) return span;
  }
  let best: { span: Span; depth: number } | null = null;
  for (const span of spans) {
    if (!isAgentSpan(span)) continue;
    const depth = depthOf(span, byId);
    if (best === null || depth < best.depth) best = { span, depth };
  }
  return best?.span ?? null;
}

/** Distance to the root; a missing parent or a cycle ends the walk. */
export function depthOf(span: Span, byId: ReadonlyMap<string, Span>): number {
  const seen = new Set<string>([span.span_id]);
  let depth = 0;
  let current = span;
  while (current.parent_id !== null) {
    const parent = byId.get(current.parent_id);
    if (parent === undefined || seen.has(parent.span_id)) break;
    seen.add(parent.span_id);
    current = parent;
    depth += 1;
  }
  return depth;
}

/** The topmost ancestor of a span (itself for a root). */
export function rootOf(span: Span, byId: ReadonlyMap<string, Span>): Span {
  const seen = new Set<string>([span.span_id]);
  let current = span;
  while (current.parent_id !== null) {
    const parent = byId.get(current.parent_id);
    if (parent === undefined || seen.has(parent.span_id)) break;
    seen.add(parent.span_id);
    current = parent;
  }
  return current;
}

/** The nearest agent span above a span (not the span itself). */
export function nearestAgent(span: Span, byId: ReadonlyMap<string, Span>): Span | null {
  const seen = new Set<string>([span.span_id]);
  let current = span;
  while (current.parent_id !== null) {
    const parent = byId.get(current.parent_id);
    if (parent === undefined || seen.has(parent.span_id)) return null;
    if (isAgentSpan(parent)) return parent;
    seen.add(parent.span_id);
    current = parent;
  }
  return null;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
