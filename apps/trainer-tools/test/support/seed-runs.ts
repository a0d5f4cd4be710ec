import { randomBytes } from 'node:crypto';
import type { AglStore, Attributes, Span } from '@agl/client';
import { makeSpan } from '@agl/snapshot/testing';

export interface SeedRunOptions {
  /** Agent span name and `agent.name`; also rollout metadata `agent_name` unless `metadataAgent` is false. */
  agent?: string;
  metadataAgent?: boolean;
  status?: 'succeeded' | 'failed' | 'cancelled' | 'running';
  /** Recorded on the failed attempt. */
  error?: string;
  /** Input and output tokens, reported on the first LLM call. */
  tokens?: [number, number];
  /** Tool calls under the first LLM call. */
  tools?: Array<{ name: string; failed?: boolean }>;
  /** LLM call spans (`openai.chat.completion`), one after another; default 1. */
  llmCalls?: number;
  /** Put prompt and response token ids on the LLM calls. */
  tokenIds?: boolean;
  /** The structured answer, written as the agent span's `mastra.agent_run.output`. */
  answer?: unknown;
  /** Adds a reward span in both AGL formats after the calls. */
  reward?: number;
  input?: unknown;
  metadata?: Record<string, unknown>;
}

export interface SeededRun {
  rolloutId: string;
  attemptId: string;
  agentSpanId: string;
  llmCallIds: string[];
}

/**
 * Puts one agent run into a store through its public API (real or fake): an agent span, LLM
 * calls with a prompt and a completion, tool spans, optionally a reward, then the final status.
 */
export async function seedRun(store: AglStore, options: SeedRunOptions = {}): Promise<SeededRun> {
  const agent = options.agent ?? 'postAnalyzer';
  const started = await store.startRollout({
    input: options.input ?? 'Analyze this social-media post.',
    metadata: {
      ...(options.metadataAgent === false ? {} : { agent_name: agent }),
      ...options.metadata,
    },
  });
  const rolloutId = started.rollout_id;
  const attemptId = started.attempt.attempt_id;
  const traceId = randomBytes(16).toString('hex');
  const t = Date.now() / 1000;
  const agentSpanId = randomBytes(8).toString('hex');
  const calls = options.llmCalls ?? 1;
  const llmCallIds = Array.from({ length: calls }, () => randomBytes(8).toString('hex'));
  const spans: Array<Omit<Span, 'sequence_id' | 'rollout_id' | 'attempt_id'>> = [];
  const add = (
    spanId: string,
    parentId: string | null,
    name: string,
    [from, to]: [number, number],
    attributes: Attributes,
    failed = false,
  ) => {
    const span = makeSpan({
      trace_id: traceId,
      span_id: spanId,
      parent_id: parentId,
      name,
      start_time: t + from,
      end_time: t + to,
      attributes,
      ...(failed ? { status: { status_code: 'ERROR', description: 'tool failed' } } : {}),
    });
    spans.push(span);
  };
  llmCallIds.forEach((callId, index) => {
    const from = 0.1 + index * 0.3;
    add(callId, agentSpanId, 'openai.chat.completion', [from, from + 0.2], {
      'gen_ai.request.model': 'test-model',
      'gen_ai.response.id': `chatcmpl-${callId}`,
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': `question ${index}`,
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content':
        index === calls - 1 && options.answer !== undefined
          ? JSON.stringify(options.answer)
          : `answer ${index}`,
      ...(index === 0 && options.tokens
        ? {
            'gen_ai.usage.input_tokens': options.tokens[0],
            'gen_ai.usage.output_tokens': options.tokens[1],
          }
        : {}),
      ...(options.tokenIds ? { prompt_token_ids: [1, 2, 3], response_token_ids: [4, 5] } : {}),
    });
  });
  (options.tools ?? []).forEach((tool, index) => {
    const from = 0.12 + index * 0.01;
    add(
      randomBytes(8).toString('hex'),
      llmCallIds[0] ?? agentSpanId,
      `execute_tool ${tool.name}`,
      [from, from + 0.005],
      { 'gen_ai.tool.name': tool.name },
      tool.failed,
    );
  });
  const end = 0.2 + calls * 0.3;
  add(agentSpanId, null, `invoke_agent ${agent}`, [0, end], {
    'gen_ai.operation.name': 'invoke_agent',
    'agent.name': agent,
    ...(options.answer === undefined
      ? {}
      : {
          'mastra.agent_run.output': JSON.stringify({
            text: JSON.stringify(options.answer),
            object: options.answer,
          }),
        }),
  });
  if (options.reward !== undefined) {
    add(
      randomBytes(8).toString('hex'),
      agentSpanId,
      'agentlightning.reward',
      [end + 0.1, end + 0.1],
      {
        reward: options.reward,
        'agentlightning.reward.0.name': 'primary',
        'agentlightning.reward.0.value': options.reward,
      },
    );
  }
  for (const span of spans) {
    const sequenceId = await store.nextSequenceId(rolloutId, attemptId);
    await store.addSpan({
      ...span,
      rollout_id: rolloutId,
      attempt_id: attemptId,
      sequence_id: sequenceId,
    } as Span);
  }
  const status = options.status ?? 'succeeded';
  if (status === 'succeeded')
    await store.updateAttempt(rolloutId, attemptId, { status: 'succeeded' });
  else if (status === 'failed') {
    await store.updateAttempt(rolloutId, attemptId, {
      status: 'failed',
      ...(options.error ? { metadata: { error: options.error } } : {}),
    });
  } else if (status === 'cancelled') await store.updateRollout(rolloutId, { status: 'cancelled' });
  else await store.updateAttempt(rolloutId, attemptId, { status: 'running' });
  return { rolloutId, attemptId, agentSpanId, llmCallIds };
}
