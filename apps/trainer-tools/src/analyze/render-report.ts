import { printableText } from '@agl/snapshot';
import { formatDuration } from '../progress/format-duration.ts';
import type { StoreReport } from './store-report.ts';

const HISTOGRAM_WIDTH = 30;

/** The terminal version of the report: tables and a reward histogram, no colour. */
export function renderStoreReport(report: StoreReport): string {
  const out: string[] = [];
  const { rollouts, durations, tokens, llmCalls, rewards, readiness } = report;
  out.push(
    `agl:analyze  ${printableText(report.endpoint)} (AGL ${report.dialect})  ${report.generatedAt}`,
  );
  out.push('');
  const statuses = Object.entries(rollouts.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${status} ${count}`)
    .join('  ');
  out.push(`rollouts   ${rollouts.total}${statuses === '' ? '' : `   ${statuses}`}`);
  if (rollouts.total === 0) {
    out.push(
      '',
      'No rollouts match. Collect some first (run your agent with the exporter), or widen the filters.',
    );
    return `${out.join('\n')}\n`;
  }
  out.push('by agent');
  for (const agent of rollouts.byAgent) {
    const reward = agent.meanReward === null ? '' : `, mean reward ${agent.meanReward.toFixed(3)}`;
    out.push(
      `  ${printableText(agent.agent).padEnd(24)} ${String(agent.rollouts).padStart(6)}   rewarded ${agent.rewarded}${reward}`,
    );
  }
  out.push(
    durations.count === 0
      ? 'duration   no finished rollouts'
      : `duration   p50 ${ms(durations.p50)}  p95 ${ms(durations.p95)}  p99 ${ms(durations.p99)}  max ${ms(durations.max)}  (${durations.count} finished)`,
  );
  out.push(
    tokens.rolloutsWithUsage === 0
      ? 'tokens     no rollout reports token usage'
      : `tokens     in ${count(tokens.input)}  out ${count(tokens.output)}  (${tokens.rolloutsWithUsage} rollouts report usage; per rollout ${count(Math.round(tokens.input / tokens.rolloutsWithUsage))} in / ${count(Math.round(tokens.output / tokens.rolloutsWithUsage))} out)`,
  );
  out.push(`LLM calls  ${count(llmCalls.total)}  with token ids ${count(llmCalls.withTokenIds)}`);
  if (report.tools.length === 0) {
    out.push('tools      none called');
  } else {
    const names = report.tools.map((tool) => printableText(tool.name));
    const width = Math.max(4, ...names.map((name) => name.length));
    out.push(
      `tools      ${'name'.padEnd(width)}  ${'calls'.padStart(7)}  ${'errors'.padStart(7)}  error rate`,
    );
    for (const [index, tool] of report.tools.entries()) {
      out.push(
        `           ${(names[index] ?? '').padEnd(width)}  ${String(tool.calls).padStart(7)}  ${String(tool.errors).padStart(7)}  ${(tool.errorRate * 100).toFixed(1).padStart(9)}%`,
      );
    }
  }
  out.push(`failures   ${report.failures.total}`);
  for (const { reason, count: times } of report.failures.reasons)
    out.push(`  ${String(times).padStart(5)} × ${printableText(reason)}`);
  if (rewards.count === 0) {
    out.push('rewards    none yet (run `pnpm agl:eval`)');
  } else {
    out.push(
      `rewards    ${rewards.count} rewarded  mean ${fixed(rewards.mean)}  min ${fixed(rewards.min)}  max ${fixed(rewards.max)}`,
    );
    const most = Math.max(...rewards.histogram.map((bin) => bin.count));
    for (const bin of rewards.histogram) {
      const bar = '█'.repeat(Math.round((bin.count / most) * HISTOGRAM_WIDTH));
      out.push(
        `  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)} │${bar.padEnd(HISTOGRAM_WIDTH)} ${bin.count}`,
      );
    }
  }
  const share = Math.min(100, Math.floor((readiness.withReward / readiness.target) * 100));
  out.push(
    readiness.ready
      ? `training   ready: ${readiness.withReward} finished rollouts with rewards (target ${readiness.target})`
      : `training   ${readiness.withReward} / ${readiness.target} finished rollouts with rewards (${share}%): collect and evaluate ${readiness.target - readiness.withReward} more before training`,
  );
  if (report.spansUnreadable > 0) {
    out.push(
      `note       the spans of ${report.spansUnreadable} rollouts could not be read (evicted by the store)`,
    );
  }
  if (report.export !== null) {
    out.push(
      `export     ${report.export.records} LLM calls from ${report.export.rollouts} rollouts (${report.export.recordsWithReward} with a reward) → ${printableText(report.export.path)}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function ms(value: number | null): string {
  return value === null ? '–' : formatDuration(value);
}

function fixed(value: number | null): string {
  return value === null ? '–' : value.toFixed(3);
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
