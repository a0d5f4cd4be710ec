import type { Attempt, Rollout, Span } from '@agl/client';
import { isLlmCall } from '@agl/rewards';
import { type RolloutSummary, summarizeRollout } from '@agl/snapshot';

/** One tool call. */
export interface ToolUse {
  name: string;
  failed: boolean;
}

/** What the analysis needs from one rollout; its spans can be dropped once this is made. */
export interface RolloutFacts {
  summary: RolloutSummary;
  tools: ToolUse[];
  llmCalls: number;
  /** LLM calls with prompt and response token ids (what RL trainers such as VERL need). */
  llmCallsWithTokenIds: number;
  /** False when the store could not return the rollout's spans. */
  spansRead: boolean;
}

/**
 * Summarises a rollout with `@agl/snapshot` (agent, tokens, reward, error: the same rules the
 * dashboards use) and adds LLM calls and tool calls, failed when their status is ERROR. Tool
 * calls are the `execute_tool` spans (GenAI `gen_ai.operation.name`) when the rollout has any:
 * the model-call middleware also records each call the model *asked for* as a `tool_call` span
 * with the tool's name, which must not count twice. Otherwise any span naming a tool counts.
 */
export function rolloutFacts(
  rollout: Rollout,
  spans: readonly Span[] | null,
  attempts?: readonly Attempt[],
  now?: number,
): RolloutFacts {
  const summary = summarizeRollout(rollout, spans, {
    ...(attempts === undefined ? {} : { attempts }),
    ...(now === undefined ? {} : { now }),
  });
  const tools: ToolUse[] = [];
  let llmCalls = 0;
  let llmCallsWithTokenIds = 0;
  const seen = new Set<string>();
  const executions = (spans ?? []).some(isToolExecution);
  for (const span of spans ?? []) {
    if (seen.has(span.span_id)) continue;
    seen.add(span.span_id);
    const tool = span.attributes['gen_ai.tool.name'] ?? span.attributes['tool.name'];
    if (typeof tool === 'string' && tool !== '' && (!executions || isToolExecution(span))) {
      tools.push({ name: tool, failed: span.status.status_code === 'ERROR' });
    }
    if (isLlmCall(span)) {
      llmCalls += 1;
      if (hasIds(span.attributes.prompt_token_ids) && hasIds(span.attributes.response_token_ids)) {
        llmCallsWithTokenIds += 1;
      }
    }
  }
  return { summary, tools, llmCalls, llmCallsWithTokenIds, spansRead: spans !== null };
}

function isToolExecution(span: Span): boolean {
  return span.attributes['gen_ai.operation.name'] === 'execute_tool';
}

function hasIds(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
