import { formatDuration } from '../progress/format-duration.ts';
import type { EvalReport } from './eval-report.ts';

/** The summary printed at the end of `agl:eval`. */
export function renderEvalReport(report: EvalReport): string {
  const lines: string[] = [];
  const weights = report.evaluators.map(({ name, weight }) => `${name}=${weight}`).join(',');
  lines.push(
    `agl:eval  ${report.endpoint} (AGL ${report.dialect})  evaluators ${weights}${report.dryRun ? '  DRY RUN' : ''}`,
  );
  lines.push(
    `${report.scanned} rollouts read in ${formatDuration(report.durationMs)}; ${report.matched} finished and matching the filters`,
  );
  const rewardStats =
    report.rewards.mean === null
      ? ''
      : `  mean ${fixed(report.rewards.mean)}  min ${fixed(report.rewards.min)}  max ${fixed(report.rewards.max)}`;
  lines.push(row(report.dryRun ? 'would reward' : 'rewarded', report.rewarded) + rewardStats);
  lines.push(
    row('already rewarded', report.alreadyRewarded) +
      (report.alreadyRewarded > 0 && !report.force
        ? '  (--force adds another reward; see the README first)'
        : ''),
  );
  lines.push(row('skipped', report.skipped));
  for (const [reason, count] of Object.entries(report.skipReasons).sort((a, b) => b[1] - a[1])) {
    lines.push(`    ${count} × ${reason}`);
  }
  lines.push(row('failed', report.failed));
  for (const failure of report.failures) lines.push(`    ${failure.rolloutId}: ${failure.reason}`);
  if (report.failed > report.failures.length) {
    lines.push(`    … and ${report.failed - report.failures.length} more`);
  }
  const scored = report.evaluators
    .map(({ name, applied, mean }) => `${name} ${mean === null ? '–' : fixed(mean)} (${applied})`)
    .join('   ');
  if (report.rewarded > 0) lines.push(`mean score by evaluator (rollouts scored):  ${scored}`);
  if (report.dryRun && report.samples.length > 0) {
    lines.push('', 'rewards that would be written:');
    for (const sample of report.samples) {
      const parts = Object.entries(sample.scores)
        .map(([name, value]) => `${name} ${value === null ? '–' : fixed(value)}`)
        .join('  ');
      lines.push(`  ${sample.rolloutId}  ${fixed(sample.reward)}   ${parts}`);
    }
    if (report.rewarded > report.samples.length) {
      lines.push(`  … and ${report.rewarded - report.samples.length} more`);
    }
  }
  if (report.missingIds.length > 0) {
    lines.push(`not in the store: ${report.missingIds.join(', ')}`);
  }
  if (report.stoppedEarly === 'interrupted') {
    lines.push('interrupted: rerun the same command to continue (rewarded rollouts are skipped)');
  } else if (report.stoppedEarly === 'limit') {
    lines.push('stopped at --limit: rerun to continue with the next rollouts');
  }
  if (report.error !== null) lines.push(`stopped by an error: ${report.error}`);
  return `${lines.join('\n')}\n`;
}

function row(label: string, count: number): string {
  return `  ${label.padEnd(17)}${String(count).padStart(6)}`;
}

function fixed(value: number | null): string {
  return value === null ? '–' : value.toFixed(3);
}
