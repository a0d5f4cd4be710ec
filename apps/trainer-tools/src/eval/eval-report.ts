import type { EvaluatorScore } from '@agl/rewards';

/** What happened to one rollout. */
export type RolloutOutcome =
  | { kind: 'filtered' }
  | { kind: 'already-rewarded'; rolloutId: string }
  | { kind: 'skipped'; rolloutId: string; reason: string }
  | { kind: 'failed'; rolloutId: string; reason: string }
  | { kind: 'deferred'; rolloutId: string }
  | {
      kind: 'rewarded';
      rolloutId: string;
      reward: number;
      scores: EvaluatorScore[];
      /** False in a dry run. */
      written: boolean;
    };

export interface EvaluatorSummary {
  name: string;
  weight: number;
  /** Rollouts it scored (it did not apply to the others). */
  applied: number;
  /** Mean of its scores; null when it never applied. */
  mean: number | null;
}

export interface RewardSample {
  rolloutId: string;
  reward: number;
  scores: Record<string, number | null>;
}

/** The end-of-run summary of `agl:eval` (also its `--json` output). */
export interface EvalReport {
  endpoint: string;
  dialect: string;
  dryRun: boolean;
  force: boolean;
  evaluators: EvaluatorSummary[];
  /** Rollouts read from the store. */
  scanned: number;
  /** Finished rollouts that matched the filters. */
  matched: number;
  /** Rewards written (dry run: that would be written). */
  rewarded: number;
  alreadyRewarded: number;
  skipped: number;
  skipReasons: Record<string, number>;
  failed: number;
  /** The first failures, with their reasons. */
  failures: Array<{ rolloutId: string; reason: string }>;
  /** Requested with `--ids` but not in the store. */
  missingIds: string[];
  rewards: { mean: number | null; min: number | null; max: number | null };
  /** Up to 10 rewards (dry run: those that would be written). */
  samples: RewardSample[];
  durationMs: number;
  /** Stopped early by Ctrl-C or `--limit`; rerun to continue. */
  stoppedEarly: 'interrupted' | 'limit' | null;
  /** The error that ended the run (the store went away), if any. */
  error: string | null;
}

const MAX_FAILURES = 20;
const MAX_SAMPLES = 10;

/** Collects outcomes as they come in. */
export class EvalTally {
  scanned = 0;
  matched = 0;
  rewarded = 0;
  alreadyRewarded = 0;
  skipped = 0;
  failed = 0;
  readonly skipReasons = new Map<string, number>();
  readonly failures: Array<{ rolloutId: string; reason: string }> = [];
  readonly samples: RewardSample[] = [];
  readonly #perEvaluator = new Map<string, { weight: number; sum: number; applied: number }>();
  #rewardSum = 0;
  #min: number | null = null;
  #max: number | null = null;

  constructor(evaluators: ReadonlyArray<{ name: string; weight: number }>) {
    for (const { name, weight } of evaluators)
      this.#perEvaluator.set(name, { weight, sum: 0, applied: 0 });
  }

  add(outcome: RolloutOutcome): void {
    this.scanned += 1;
    // Deferred rollouts (past `--limit`) are left for the next run, like filtered ones.
    if (outcome.kind === 'filtered' || outcome.kind === 'deferred') return;
    this.matched += 1;
    if (outcome.kind === 'already-rewarded') this.alreadyRewarded += 1;
    else if (outcome.kind === 'skipped') {
      this.skipped += 1;
      this.skipReasons.set(outcome.reason, (this.skipReasons.get(outcome.reason) ?? 0) + 1);
    } else if (outcome.kind === 'failed') {
      this.failed += 1;
      if (this.failures.length < MAX_FAILURES) {
        this.failures.push({ rolloutId: outcome.rolloutId, reason: outcome.reason });
      }
    } else {
      this.rewarded += 1;
      this.#rewardSum += outcome.reward;
      this.#min = this.#min === null ? outcome.reward : Math.min(this.#min, outcome.reward);
      this.#max = this.#max === null ? outcome.reward : Math.max(this.#max, outcome.reward);
      for (const score of outcome.scores) {
        const entry = this.#perEvaluator.get(score.name);
        if (entry && score.value !== null) {
          entry.sum += score.value;
          entry.applied += 1;
        }
      }
      if (this.samples.length < MAX_SAMPLES) {
        this.samples.push({
          rolloutId: outcome.rolloutId,
          reward: outcome.reward,
          scores: Object.fromEntries(outcome.scores.map((score) => [score.name, score.value])),
        });
      }
    }
  }

  /** A short running tally for the progress bar. */
  note(dryRun: boolean): string {
    const parts = [`${dryRun ? 'would reward' : 'rewarded'} ${this.rewarded}`];
    if (this.alreadyRewarded > 0) parts.push(`had one ${this.alreadyRewarded}`);
    if (this.skipped > 0) parts.push(`skipped ${this.skipped}`);
    if (this.failed > 0) parts.push(`failed ${this.failed}`);
    return parts.join(', ');
  }

  report(
    context: Pick<
      EvalReport,
      | 'endpoint'
      | 'dialect'
      | 'dryRun'
      | 'force'
      | 'missingIds'
      | 'durationMs'
      | 'stoppedEarly'
      | 'error'
    >,
  ): EvalReport {
    return {
      ...context,
      evaluators: [...this.#perEvaluator].map(([name, { weight, sum, applied }]) => ({
        name,
        weight,
        applied,
        mean: applied === 0 ? null : round(sum / applied),
      })),
      scanned: this.scanned,
      matched: this.matched,
      rewarded: this.rewarded,
      alreadyRewarded: this.alreadyRewarded,
      skipped: this.skipped,
      skipReasons: Object.fromEntries(this.skipReasons),
      failed: this.failed,
      failures: this.failures,
      rewards: {
        mean: this.rewarded === 0 ? null : round(this.#rewardSum / this.rewarded),
        min: this.#min,
        max: this.#max,
      },
      samples: this.samples,
    };
  }
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
