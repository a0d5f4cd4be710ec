import { randomBytes } from 'node:crypto';
import {
  type AglStore,
  type Attributes,
  primaryRewardAttributes,
  REWARD_SPAN_NAME,
  type Span,
} from '@agl/client';
import { makeSpan } from './builders.ts';

export interface SeedRolloutOptions {
  /** The status to leave the rollout in (default `succeeded`). */
  status?: 'queuing' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** Written to the agent span as `gen_ai.agent.name`. */
  agent?: string;
  /** Written to the rollout metadata as `agent_name`. */
  metadataAgent?: string;
  /** Adds a dual-format (0.2 + 0.3) reward span. */
  reward?: number;
  /** Input and output tokens on the model span. */
  tokens?: [number, number];
  /** Recorded on the failed attempt's metadata (status `failed` only). */
  error?: string;
  mode?: 'train' | 'val' | 'test';
}

export interface SeededRollout {
  rolloutId: string;
  attemptId: string | null;
  /** Span ids in the order they were added. */
  spanIds: string[];
}

/**
 * Puts one rollout into a store through its public API, shaped like a Mastra run: an agent span,
 * a model span with token usage, optionally a reward span, then the final status.
 */
export async function seedRollout(
  store: AglStore,
  options: SeedRolloutOptions = {},
): Promise<SeededRollout> {
  const status = options.status ?? 'succeeded';
  const request = {
    input: { question: 'What is 2 + 2?' },
    mode: options.mode ?? 'train',
    metadata: options.metadataAgent ? { agent_name: options.metadataAgent } : {},
  };
  if (status === 'queuing') {
    const [rollout] = await store.enqueueRollouts([request]);
    if (!rollout) throw new Error('enqueueRollouts returned nothing');
    return { rolloutId: rollout.rollout_id, attemptId: null, spanIds: [] };
  }
  const started = await store.startRollout(request);
  const rolloutId = started.rollout_id;
  const attemptId = started.attempt.attempt_id;
  const traceId = randomBytes(16).toString('hex');
  const start = Date.now() / 1000;
  const agentSpanId = randomBytes(8).toString('hex');
  const spans: Array<{ name: string; parent: string | null; attributes: Attributes; at: number }> =
    [
      {
        name: `invoke_agent ${options.agent ?? 'agent'}`,
        parent: null,
        attributes: options.agent ? { 'gen_ai.agent.name': options.agent } : {},
        at: 0,
      },
      {
        name: 'chat offline-model',
        parent: agentSpanId,
        attributes: options.tokens
          ? {
              'gen_ai.usage.input_tokens': options.tokens[0],
              'gen_ai.usage.output_tokens': options.tokens[1],
            }
          : {},
        at: 0.1,
      },
    ];
  if (options.reward !== undefined) {
    spans.push({
      name: REWARD_SPAN_NAME,
      parent: agentSpanId,
      attributes: primaryRewardAttributes(options.reward),
      at: 0.3,
    });
  }
  const spanIds: string[] = [];
  for (const [index, spec] of spans.entries()) {
    const spanId = index === 0 ? agentSpanId : randomBytes(8).toString('hex');
    const span: Span = makeSpan({
      rollout_id: rolloutId,
      attempt_id: attemptId,
      sequence_id: await store.nextSequenceId(rolloutId, attemptId),
      trace_id: traceId,
      span_id: spanId,
      parent_id: spec.parent,
      name: spec.name,
      attributes: spec.attributes,
      start_time: start + spec.at,
      end_time: start + spec.at + (index === 0 ? 0.5 : 0.1),
    });
    await store.addSpan(span);
    spanIds.push(spanId);
  }
  if (status === 'succeeded') {
    await store.updateAttempt(rolloutId, attemptId, { status: 'succeeded' });
  } else if (status === 'failed') {
    await store.updateAttempt(rolloutId, attemptId, {
      status: 'failed',
      ...(options.error ? { metadata: { error: options.error } } : {}),
    });
  } else if (status === 'cancelled') {
    await store.updateRollout(rolloutId, { status: 'cancelled' });
  } else if (status === 'running') {
    await store.updateAttempt(rolloutId, attemptId, { status: 'running' });
  }
  return { rolloutId, attemptId, spanIds };
}

/**
 * Adds a reward span to a rollout that already finished, as an evaluator does after the run
 * (e.g. `pnpm agl:eval`).
 */
export async function addLateReward(
  store: AglStore,
  seeded: SeededRollout,
  reward: number,
): Promise<void> {
  if (seeded.attemptId === null) throw new Error('a queued rollout has no attempt to reward');
  const at = Date.now() / 1000;
  await store.addSpan(
    makeSpan({
      rollout_id: seeded.rolloutId,
      attempt_id: seeded.attemptId,
      sequence_id: await store.nextSequenceId(seeded.rolloutId, seeded.attemptId),
      trace_id: randomBytes(16).toString('hex'),
      span_id: randomBytes(8).toString('hex'),
      parent_id: seeded.spanIds[0] ?? null,
      name: REWARD_SPAN_NAME,
      attributes: primaryRewardAttributes(reward),
      start_time: at,
      end_time: at,
    }),
  );
}
