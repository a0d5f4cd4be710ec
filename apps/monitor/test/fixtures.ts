// Hand-made store data and an in-process feed for component tests.
import { type Attempt, ROLLOUT_STATUSES, type RolloutStatus, type Span } from '@agl/client';
import type {
  RolloutDetail,
  RolloutSummary,
  SpanTreeNode,
  StoreSnapshot,
  ThroughputSample,
} from '@agl/snapshot';
import { makeRollout } from '@agl/snapshot/testing';
import type { MonitorFeed, MonitorState } from '../src/feed.ts';

/** A fixed "now": 2025-01-01T12:00:00Z. */
export const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
export const ENDPOINT = 'http://127.0.0.1:4747';

export function summary(
  overrides: Partial<RolloutSummary> & { rolloutId: string },
): RolloutSummary {
  return {
    agent: 'weather-agent',
    status: 'succeeded',
    mode: null,
    startedAt: NOW - 60_000,
    endedAt: NOW - 55_800,
    durationMs: 4_200,
    attempts: 1,
    spanCount: 6,
    inputTokens: 1_234,
    outputTokens: 56,
    reward: 1,
    error: null,
    ...overrides,
  };
}

export function byStatus(rollouts: readonly RolloutSummary[]): Record<RolloutStatus, number> {
  const counts = Object.fromEntries(ROLLOUT_STATUSES.map((status) => [status, 0])) as Record<
    RolloutStatus,
    number
  >;
  for (const rollout of rollouts) counts[rollout.status] += 1;
  return counts;
}

export function snapshot(
  recent: RolloutSummary[],
  overrides: Partial<StoreSnapshot> = {},
): StoreSnapshot {
  return {
    endpoint: ENDPOINT,
    dialect: '0.3',
    reachable: true,
    latencyMs: 3,
    takenAt: NOW,
    totalRollouts: recent.length,
    totalSpans: recent.reduce((sum, rollout) => sum + (rollout.spanCount ?? 0), 0),
    byStatus: byStatus(recent),
    recent,
    rewards: {
      withReward: recent.filter((rollout) => rollout.reward !== null).length,
      target: 500,
      checked: recent.filter((rollout) => rollout.endedAt !== null).length,
      finished: recent.filter((rollout) => rollout.endedAt !== null).length,
    },
    ...overrides,
  };
}

/** Three rollouts: one running, one succeeded with a reward, one failed. */
export function sampleRollouts(): RolloutSummary[] {
  return [
    summary({
      rolloutId: 'ro-00000000run1',
      agent: 'planner',
      status: 'running',
      startedAt: NOW - 12_000,
      endedAt: null,
      durationMs: 11_000,
      spanCount: 3,
      inputTokens: 200,
      outputTokens: null,
      reward: null,
    }),
    summary({ rolloutId: 'ro-00000000ok01', agent: 'weather-agent', status: 'succeeded' }),
    summary({
      rolloutId: 'ro-0000000fail1',
      agent: 'weather-agent',
      status: 'failed',
      startedAt: NOW - 3 * 60_000,
      endedAt: NOW - 3 * 60_000 + 850,
      durationMs: 850,
      spanCount: 2,
      inputTokens: null,
      outputTokens: null,
      reward: null,
      error: 'tool crashed',
    }),
  ];
}

export function throughput(values: number[]): ThroughputSample[] {
  return values.map((value, index) => ({
    at: NOW - (values.length - index) * 1_000,
    spansPerSecond: value,
    rolloutsPerMinute: value * 2,
  }));
}

let sequence = 0;

export function span(overrides: Partial<Span> & { name: string }): Span {
  sequence += 1;
  const spanId = overrides.span_id ?? sequence.toString(16).padStart(16, '0');
  return {
    rollout_id: 'ro-00000000ok01',
    attempt_id: 'at-00000001',
    sequence_id: sequence,
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: spanId,
    parent_id: null,
    status: { status_code: 'OK', description: null },
    attributes: {},
    events: [],
    links: [],
    start_time: null,
    end_time: null,
    context: null,
    parent: null,
    resource: { attributes: {}, schema_url: '' },
    ...overrides,
  };
}

export function node(
  spanValue: Span,
  offsetMs: number,
  durationMs: number,
  children: SpanTreeNode[] = [],
): SpanTreeNode {
  return { span: spanValue, offsetMs, durationMs, children };
}

export function attempt(overrides: Partial<Attempt> = {}): Attempt {
  return {
    rollout_id: 'ro-00000000ok01',
    attempt_id: 'at-00000001',
    sequence_id: 1,
    start_time: (NOW - 60_000) / 1_000,
    end_time: (NOW - 55_800) / 1_000,
    status: 'succeeded',
    worker_id: 'Worker-0',
    last_heartbeat_time: null,
    metadata: null,
    ...overrides,
  };
}

/** The succeeded sample rollout with an agent → chat → tool tree and a reward span. */
export function sampleDetail(): RolloutDetail {
  const rolloutSummary = sampleRollouts()[1] as RolloutSummary;
  const tree = [
    node(
      span({
        name: 'invoke_agent weather-agent',
        attributes: { 'gen_ai.agent.name': 'weather-agent' },
      }),
      0,
      4_000,
      [
        node(
          span({
            name: 'chat gpt-4o-mini',
            attributes: {
              'gen_ai.request.model': 'gpt-4o-mini',
              'gen_ai.usage.input_tokens': 1_234,
              'gen_ai.usage.output_tokens': 56,
            },
          }),
          100,
          3_000,
          [
            node(
              span({
                name: 'execute_tool get-weather',
                attributes: { 'gen_ai.tool.name': 'get-weather' },
                status: { status_code: 'ERROR', description: 'city not found' },
              }),
              1_000,
              500,
            ),
          ],
        ),
        node(
          span({
            name: 'agentlightning.reward',
            attributes: { reward: 1, 'agentlightning.reward.0.value': 1 },
          }),
          3_900,
          0,
        ),
      ],
    ),
  ];
  return {
    rollout: makeRollout({
      rollout_id: rolloutSummary.rolloutId,
      input: { city: 'Paris' },
      start_time: rolloutSummary.startedAt / 1_000,
      end_time: (rolloutSummary.endedAt ?? 0) / 1_000,
      mode: 'train',
      status: 'succeeded',
    }),
    summary: rolloutSummary,
    attempts: [attempt()],
    tree,
  };
}

/** A feed whose state the test sets by hand; records pauses and detail requests. */
export class ManualFeed implements MonitorFeed {
  state: MonitorState;
  readonly pauses: boolean[] = [];
  readonly detailRequests: string[] = [];
  details = new Map<string, RolloutDetail>();
  detailError: Error | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(state: Partial<MonitorState> = {}) {
    this.state = {
      endpoint: ENDPOINT,
      snapshot: null,
      outage: null,
      throughput: [],
      paused: false,
      ...state,
    };
  }

  getState(): MonitorState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  update(patch: Partial<MonitorState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.#listeners) listener();
  }

  setPaused(paused: boolean): void {
    this.pauses.push(paused);
    this.update({ paused });
  }

  async loadDetail(rolloutId: string): Promise<RolloutDetail | null> {
    this.detailRequests.push(rolloutId);
    if (this.detailError) throw this.detailError;
    return this.details.get(rolloutId) ?? null;
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
