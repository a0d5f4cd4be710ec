// Puts realistic rollouts into a real store through the client, as an instrumented agent would.
import { randomBytes } from 'node:crypto';
import type { AglStore, AttemptedRollout, Attributes, Span } from '@agl/client';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

interface SpanPlan {
  name: string;
  /** Index of the parent in the plan, or null for the root. */
  parent: number | null;
  /** Seconds from the rollout start. */
  start: number;
  end: number;
  attributes?: Attributes;
  error?: string;
}

async function addSpans(
  store: AglStore,
  rollout: AttemptedRollout,
  plans: SpanPlan[],
): Promise<void> {
  const traceId = hex(16);
  const ids = plans.map(() => hex(8));
  const origin = rollout.start_time;
  for (const [index, plan] of plans.entries()) {
    const spanId = ids[index] as string;
    const parentId = plan.parent === null ? null : (ids[plan.parent] as string);
    const span: Span = {
      rollout_id: rollout.rollout_id,
      attempt_id: rollout.attempt.attempt_id,
      sequence_id: await store.nextSequenceId(rollout.rollout_id, rollout.attempt.attempt_id),
      trace_id: traceId,
      span_id: spanId,
      parent_id: parentId,
      name: plan.name,
      status: plan.error
        ? { status_code: 'ERROR', description: plan.error }
        : { status_code: 'OK', description: null },
      attributes: plan.attributes ?? {},
      events: [],
      links: [],
      start_time: origin + plan.start,
      end_time: origin + plan.end,
      context: { trace_id: traceId, span_id: spanId, is_remote: false, trace_state: {} },
      parent: null,
      resource: { attributes: { 'service.name': 'weather-service' }, schema_url: '' },
    };
    await store.addSpan(span);
  }
  const lastEndMs = (origin + Math.max(...plans.map((plan) => plan.end))) * 1_000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastEndMs - Date.now())));
}

/** A finished run: agent → chat (with a failing tool call) → reward. */
export async function addSucceededRollout(store: AglStore, agent: string): Promise<string> {
  const rollout = await store.startRollout({
    input: { city: 'Paris' },
    mode: 'train',
    metadata: { agent_name: agent },
  });
  await addSpans(store, rollout, [
    {
      name: `invoke_agent ${agent}`,
      parent: null,
      start: 0,
      end: 0.42,
      attributes: { 'gen_ai.agent.name': agent },
    },
    {
      name: 'chat gpt-4o-mini',
      parent: 0,
      start: 0.02,
      end: 0.38,
      attributes: {
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': 1_234,
        'gen_ai.usage.output_tokens': 56,
      },
    },
    {
      name: 'execute_tool get-weather',
      parent: 1,
      start: 0.12,
      end: 0.2,
      attributes: { 'gen_ai.tool.name': 'get-weather' },
      error: 'city not found',
    },
    {
      name: 'agentlightning.reward',
      parent: 0,
      start: 0.4,
      end: 0.4,
      attributes: {
        reward: 0.75,
        'agentlightning.reward.0.name': 'primary',
        'agentlightning.reward.0.value': 0.75,
      },
    },
  ]);
  await store.updateAttempt(rollout.rollout_id, rollout.attempt.attempt_id, {
    status: 'succeeded',
  });
  return rollout.rollout_id;
}

/** A run whose agent failed after one model call. */
export async function addFailedRollout(store: AglStore, agent: string): Promise<string> {
  const rollout = await store.startRollout({ input: 'boom', metadata: { agent_name: agent } });
  await addSpans(store, rollout, [
    {
      name: `invoke_agent ${agent}`,
      parent: null,
      start: 0,
      end: 0.15,
      error: 'model refused',
      attributes: { 'gen_ai.agent.name': agent },
    },
    {
      name: 'chat gpt-4o-mini',
      parent: 0,
      start: 0.01,
      end: 0.12,
      attributes: { 'gen_ai.request.model': 'gpt-4o-mini' },
    },
  ]);
  await store.updateAttempt(rollout.rollout_id, rollout.attempt.attempt_id, { status: 'failed' });
  return rollout.rollout_id;
}

/** A run still in progress: one span so far, no end. */
export async function addRunningRollout(store: AglStore, agent: string): Promise<string> {
  const rollout = await store.startRollout({
    input: 'still thinking',
    metadata: { agent_name: agent },
  });
  await addSpans(store, rollout, [
    {
      name: 'chat gpt-4o-mini',
      parent: null,
      start: 0,
      end: 0.05,
      attributes: { 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.agent.name': agent },
    },
  ]);
  return rollout.rollout_id;
}
