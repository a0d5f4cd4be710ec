import { AGENT_NAME_KEYS, type Rollout, type Span } from '@agl/client';
import { stringAttribute } from './span-attributes.ts';
import { compareSpansByStart, type SpanIndex } from './span-index.ts';

/** The agent name the rollout's metadata declares (`agent_name`), if any. */
export function agentFromMetadata(rollout: Rollout): string | null {
  const name = rollout.metadata?.agent_name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

function agentAttribute(span: Span): string | null {
  for (const key of AGENT_NAME_KEYS) {
    const name = stringAttribute(span, key);
    if (name !== null) return name;
  }
  return null;
}

/** The agent name on the topmost span that carries one (the earliest among equals). */
export function agentFromSpans(index: SpanIndex): string | null {
  let best: { span: Span; depth: number; name: string } | null = null;
  for (const span of index.spans) {
    const name = agentAttribute(span);
    if (name === null) continue;
    const depth = index.depthOf(span);
    if (
      best === null ||
      depth < best.depth ||
      (depth === best.depth && compareSpansByStart(span, best.span) < 0)
    ) {
      best = { span, depth, name };
    }
  }
  return best?.name ?? null;
}
