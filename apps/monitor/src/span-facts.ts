import {
  AGENT_NAME_KEYS,
  type AttributeValue,
  rewardOf,
  type Span,
  SUMMARY_KEY_PREFIX,
} from '@agl/client';
import { printableText, type SpanTreeNode } from '@agl/snapshot';

/** What the detail view says about one span besides its name and timing. */
export interface SpanFacts {
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  tool: string | null;
  agent: string | null;
  reward: number | null;
  error: string | null;
}

function text(value: AttributeValue | undefined): string | null {
  if (typeof value === 'string' && value.trim() !== '') return printableText(value);
  return null;
}

function number(value: AttributeValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

function errorOf(span: Span): string | null {
  if (span.status.status_code !== 'ERROR') return null;
  if (span.status.description) return printableText(span.status.description);
  for (const event of span.events) {
    const message = text(event.attributes['exception.message']);
    if (message) return message;
  }
  return 'error';
}

const MODEL_KEYS = ['gen_ai.response.model', 'gen_ai.request.model'].flatMap((key) => [
  key,
  `${SUMMARY_KEY_PREFIX}${key}`,
]);

/** Reads model, tokens, tool, agent, reward and error from a span's attributes and status. */
export function spanFacts(span: Span): SpanFacts {
  const a = span.attributes;
  return {
    model: MODEL_KEYS.map((key) => text(a[key])).find((model) => model !== null) ?? null,
    inputTokens: number(a['gen_ai.usage.input_tokens']) ?? number(a['gen_ai.usage.prompt_tokens']),
    outputTokens:
      number(a['gen_ai.usage.output_tokens']) ?? number(a['gen_ai.usage.completion_tokens']),
    tool: text(a['gen_ai.tool.name']) ?? text(a['tool.name']),
    agent: AGENT_NAME_KEYS.map((key) => text(a[key])).find((name) => name !== null) ?? null,
    reward: rewardOf(span),
    error: errorOf(span),
  };
}

export interface FlatSpan {
  node: SpanTreeNode;
  depth: number;
}

/** The tree in display order (depth first, children after their parent). */
export function flattenTree(nodes: readonly SpanTreeNode[], depth = 0): FlatSpan[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)]);
}

/** How long the whole tree covers, from the first start to the last end. */
export function treeExtentMs(nodes: readonly FlatSpan[]): number {
  return nodes.reduce((max, { node }) => Math.max(max, node.offsetMs + node.durationMs), 0);
}
