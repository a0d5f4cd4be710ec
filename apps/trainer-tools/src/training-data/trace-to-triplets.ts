import type { Span } from '@agl/client';
import { type AdapterVersion, isRewardSpan, rewardMark } from './reward-value.ts';
import { buildTraceTree, repairHierarchy, type TraceNode, traverse } from './trace-tree.ts';

/** AGL's default `llm_call_match` (a regex search on the span name). */
const LLM_CALL_MATCH = /openai\.chat\.completion/;

/** The part of AGL's `Triplet` that 0.2 and 0.3 share. */
export interface Triplet {
  prompt: { token_ids: unknown };
  response: { token_ids: unknown; logprobs?: unknown };
  reward: number | null;
  metadata: { response_id: unknown; agent_name: unknown };
}

/** One LLM call as the trainer sees it: its span and its triplet. */
export interface LlmCall {
  span: Span;
  triplet: Triplet;
}

/**
 * What AGL's `TracerTraceToTriplet()` (default settings) makes of one attempt's spans, in its
 * order: the LLM calls (spans named like `openai.chat.completion`, not below a reward span, one
 * per response id), each labelled with the nearest enclosing agent name (`*` when none) and
 * given a reward by FIRST_OCCURRENCE matching (each reward goes to the latest LLM call that
 * ended before it started and has no reward yet).
 */
export function traceToTriplets(spans: readonly Span[], version: AdapterVersion): LlmCall[] {
  const root = buildTraceTree(spans);
  if (root === null) return [];
  repairHierarchy(root, version);
  const calls = findLlmCalls(root, version);
  const rewards = matchRewards(root, calls, version);
  return calls.map(({ node, agentName }) => {
    const span = node.span as Span;
    const { prompt, response, metadata } = spanTriplet(span, agentName, version);
    return { span, triplet: { prompt, response, reward: rewards.get(node.id) ?? null, metadata } };
  });
}

interface FoundCall {
  node: TraceNode;
  agentName: unknown;
}

interface SearchState {
  agent: unknown;
  withinReward: boolean;
  withinLlmCall: boolean;
  responseIds: Set<unknown>;
}

function findLlmCalls(root: TraceNode, version: AdapterVersion): FoundCall[] {
  const found: FoundCall[] = [];
  const visit = (node: TraceNode, state: SearchState): void => {
    const span = node.span;
    let { withinLlmCall, responseIds } = state;
    if (span !== null && !state.withinReward && LLM_CALL_MATCH.test(span.name)) {
      const responseId = responseIdOf(span, version);
      const duplicate = responseId !== null && responseIds.has(responseId);
      if (!duplicate && !(responseId === null && withinLlmCall)) {
        found.push({ node, agentName: state.agent });
        // AGL 0.2 replaces an empty id set with a fresh one, so ids are shared with this call's
        // descendants only; 0.3 shares one set across the whole tree.
        if (version === '0.2' && responseIds.size === 0) responseIds = new Set();
        if (responseId !== null) responseIds.add(responseId);
        withinLlmCall = true;
      }
    }
    const agent = span === null ? null : agentNameOf(span, version);
    const next: SearchState = {
      agent: agent ?? state.agent,
      withinReward: state.withinReward || (span !== null && isRewardSpan(span, version)),
      withinLlmCall,
      responseIds,
    };
    for (const child of node.children) visit(child, next);
  };
  visit(root, { agent: '*', withinReward: false, withinLlmCall: false, responseIds: new Set() });
  return found;
}

function matchRewards(
  root: TraceNode,
  calls: readonly FoundCall[],
  version: AdapterVersion,
): Map<string, number | null> {
  const callIds = new Set(calls.map(({ node }) => node.id));
  const rewards = new Map<string, number | null>();
  const assignable: Array<{ id: string; end: number }> = [];
  const byStart = traverse(root)
    .map((node, order) => ({ node, order }))
    .sort((a, b) => a.node.start - b.node.start || a.order - b.order);
  for (const { node } of byStart) {
    if (callIds.has(node.id)) assignable.push({ id: node.id, end: node.end });
    const mark = node.span === null ? null : rewardMark(node.span, version);
    if (mark === null) continue;
    for (let index = assignable.length - 1; index >= 0; index -= 1) {
      const call = assignable[index] as { id: string; end: number };
      if (call.end > node.start || rewards.has(call.id)) continue;
      rewards.set(call.id, mark.value);
      break;
    }
  }
  return rewards;
}

function spanTriplet(
  span: Span,
  agentName: unknown,
  version: AdapterVersion,
): Omit<Triplet, 'reward'> {
  const attributes = span.attributes;
  const promptIds =
    version === '0.2'
      ? (attributes.prompt_token_ids ?? [])
      : (firstIdList(attributes, [
          'prompt_token_ids',
          'agentlightning.operation.output.prompt_token_ids',
        ]) ?? []);
  const responseIds =
    version === '0.2'
      ? (attributes.response_token_ids ?? [])
      : (firstIdList(attributes, [
          'response_token_ids',
          'agentlightning.operation.output.response_token_ids.0',
          'agentlightning.operation.output.choices.0.token_ids',
          'agentlightning.operation.output.choices.0.provider_specific_fields.token_ids',
        ]) ?? []);
  const response: Triplet['response'] = { token_ids: responseIds };
  const logprobs = attributes['logprobs.content'];
  if (typeof logprobs === 'string') {
    try {
      response.logprobs = JSON.parse(logprobs);
    } catch {
      // AGL raises here; the call is still usable without log-probabilities.
    }
  }
  return {
    prompt: { token_ids: promptIds },
    response,
    metadata: { response_id: responseIdOf(span, version), agent_name: agentName },
  };
}

function responseIdOf(span: Span, version: AdapterVersion): unknown {
  if (version === '0.2') return span.attributes['gen_ai.response.id'] ?? null;
  for (const key of ['gen_ai.response.id', 'agentlightning.operation.output.id']) {
    const value = span.attributes[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

function firstIdList(attributes: Span['attributes'], keys: readonly string[]): number[] | null {
  for (const key of keys) {
    const value = attributes[key];
    if (Array.isArray(value) && value.every((item) => Number.isInteger(item)))
      return value as number[];
  }
  return null;
}

/** AGL's `TraceTree.agent_name`: the first agent-naming attribute the span has. */
function agentNameOf(span: Span, version: AdapterVersion): unknown {
  const attributes = span.attributes;
  if (attributes['agent.name'] !== undefined) return attributes['agent.name'];
  if (attributes['agentops.span.kind'] === 'agent' && attributes['operation.name'] !== undefined) {
    return attributes['operation.name'];
  }
  for (const key of ['recipient_agent_type', 'langchain.chain.type', 'executor.id']) {
    if (attributes[key] !== undefined) return attributes[key];
  }
  if (version === '0.3') {
    const weave = attributes['agentlightning.operation.input.name'];
    if (attributes.type === 'agent' && weave !== undefined) return weave;
    if (span.name.startsWith('langchain.Chain.') && attributes.lc_name !== undefined) {
      return attributes.lc_name;
    }
  }
  return null;
}
