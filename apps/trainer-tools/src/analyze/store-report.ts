import { ROLLOUT_STATUSES, type RolloutStatus } from '@agl/client';
import { TRAINING_READY_ROLLOUTS } from '@agl/snapshot';
import { type HistogramBin, histogram, percentile } from './percentile.ts';
import type { RolloutFacts } from './rollout-facts.ts';

/** `agl:analyze`'s report (also its `--format json` output). */
export interface StoreReport {
  endpoint: string;
  dialect: string;
  /** ISO time the scan finished. */
  generatedAt: string;
  rollouts: {
    total: number;
    byStatus: Record<RolloutStatus, number>;
    byAgent: Array<{
      agent: string;
      rollouts: number;
      rewarded: number;
      meanReward: number | null;
    }>;
  };
  /** Finished rollouts, milliseconds. */
  durations: {
    count: number;
    p50: number | null;
    p95: number | null;
    p99: number | null;
    max: number | null;
  };
  tokens: { input: number; output: number; rolloutsWithUsage: number };
  llmCalls: { total: number; withTokenIds: number };
  tools: Array<{ name: string; calls: number; errors: number; errorRate: number }>;
  failures: { total: number; reasons: Array<{ reason: string; count: number }> };
  rewards: {
    count: number;
    mean: number | null;
    min: number | null;
    max: number | null;
    histogram: HistogramBin[];
  };
  readiness: { withReward: number; finished: number; target: number; ready: boolean };
  /** Rollouts whose spans the store could not return (AGL 0.2 evicts spans under memory pressure). */
  spansUnreadable: number;
  /** Set when `--export` was given. */
  export: { path: string; records: number; rollouts: number; recordsWithReward: number } | null;
}

const UNKNOWN_AGENT = '(unknown)';
const MAX_REASONS = 10;
const MAX_REASON_LENGTH = 160;
const FINISHED = new Set<RolloutStatus>(['succeeded', 'failed', 'cancelled']);

/**
 * Adds rollouts up one at a time. It keeps counters plus one duration and one reward per
 * rollout (for exact percentiles and the histogram), never spans.
 */
export class StoreReportBuilder {
  #total = 0;
  readonly #byStatus = Object.fromEntries(ROLLOUT_STATUSES.map((status) => [status, 0])) as Record<
    RolloutStatus,
    number
  >;
  readonly #agents = new Map<string, { rollouts: number; rewarded: number; rewardSum: number }>();
  readonly #durations: number[] = [];
  readonly #rewards: number[] = [];
  readonly #tools = new Map<string, { calls: number; errors: number }>();
  readonly #reasons = new Map<string, number>();
  #failures = 0;
  #input = 0;
  #output = 0;
  #withUsage = 0;
  #llmCalls = 0;
  #withTokenIds = 0;
  #finished = 0;
  #finishedWithReward = 0;
  #unreadable = 0;

  add(facts: RolloutFacts): void {
    const { summary } = facts;
    this.#total += 1;
    this.#byStatus[summary.status] += 1;
    const agent = this.#agents.get(summary.agent ?? UNKNOWN_AGENT) ?? {
      rollouts: 0,
      rewarded: 0,
      rewardSum: 0,
    };
    agent.rollouts += 1;
    this.#agents.set(summary.agent ?? UNKNOWN_AGENT, agent);
    const finished = FINISHED.has(summary.status);
    if (finished) {
      this.#finished += 1;
      if (summary.endedAt !== null) this.#durations.push(summary.durationMs);
    }
    if (summary.reward !== null) {
      this.#rewards.push(summary.reward);
      agent.rewarded += 1;
      agent.rewardSum += summary.reward;
      if (finished) this.#finishedWithReward += 1;
    }
    if (summary.inputTokens !== null || summary.outputTokens !== null) {
      this.#withUsage += 1;
      this.#input += summary.inputTokens ?? 0;
      this.#output += summary.outputTokens ?? 0;
    }
    this.#llmCalls += facts.llmCalls;
    this.#withTokenIds += facts.llmCallsWithTokenIds;
    for (const tool of facts.tools) {
      const entry = this.#tools.get(tool.name) ?? { calls: 0, errors: 0 };
      entry.calls += 1;
      if (tool.failed) entry.errors += 1;
      this.#tools.set(tool.name, entry);
    }
    if (summary.status === 'failed' || summary.status === 'cancelled') {
      this.#failures += 1;
      const reason = shorten(summary.error ?? `${summary.status}, no reason recorded`);
      this.#reasons.set(reason, (this.#reasons.get(reason) ?? 0) + 1);
    }
    if (!facts.spansRead) this.#unreadable += 1;
  }

  build(
    context: Pick<StoreReport, 'endpoint' | 'dialect' | 'export'>,
    now = new Date(),
  ): StoreReport {
    const durations = [...this.#durations].sort((a, b) => a - b);
    const rewards = this.#rewards;
    return {
      endpoint: context.endpoint,
      dialect: context.dialect,
      generatedAt: now.toISOString(),
      rollouts: {
        total: this.#total,
        byStatus: { ...this.#byStatus },
        byAgent: [...this.#agents]
          .map(([agent, entry]) => ({
            agent,
            rollouts: entry.rollouts,
            rewarded: entry.rewarded,
            meanReward: entry.rewarded === 0 ? null : round(entry.rewardSum / entry.rewarded),
          }))
          .sort((a, b) => b.rollouts - a.rollouts || a.agent.localeCompare(b.agent)),
      },
      durations: {
        count: durations.length,
        p50: percentile(durations, 50),
        p95: percentile(durations, 95),
        p99: percentile(durations, 99),
        max: durations.at(-1) ?? null,
      },
      tokens: { input: this.#input, output: this.#output, rolloutsWithUsage: this.#withUsage },
      llmCalls: { total: this.#llmCalls, withTokenIds: this.#withTokenIds },
      tools: [...this.#tools]
        .map(([name, { calls, errors }]) => ({
          name,
          calls,
          errors,
          errorRate: round(errors / calls),
        }))
        .sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name)),
      failures: {
        total: this.#failures,
        reasons: [...this.#reasons]
          .map(([reason, count]) => ({ reason, count }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
          .slice(0, MAX_REASONS),
      },
      rewards: {
        count: rewards.length,
        mean:
          rewards.length === 0
            ? null
            : round(rewards.reduce((sum, value) => sum + value, 0) / rewards.length),
        min: rewards.length === 0 ? null : rewards.reduce((a, b) => Math.min(a, b)),
        max: rewards.length === 0 ? null : rewards.reduce((a, b) => Math.max(a, b)),
        histogram: histogram(rewards),
      },
      readiness: {
        withReward: this.#finishedWithReward,
        finished: this.#finished,
        target: TRAINING_READY_ROLLOUTS,
        ready: this.#finishedWithReward >= TRAINING_READY_ROLLOUTS,
      },
      spansUnreadable: this.#unreadable,
      export: context.export,
    };
  }
}

function shorten(reason: string): string {
  const line = reason.split('\n')[0]?.trim() ?? '';
  return line.length <= MAX_REASON_LENGTH ? line : `${line.slice(0, MAX_REASON_LENGTH - 1)}…`;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
