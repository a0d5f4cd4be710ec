import type { ProgressBar } from '../progress/progress-bar.ts';
import { forEachConcurrent } from '../rollouts/for-each-concurrent.ts';
import type { EvalTally, RolloutOutcome } from './eval-report.ts';

export interface ScoreEachOptions<R> {
  concurrency: number;
  /** Scores one rollout; a throw that is not `isFatal` fails only that rollout. */
  score: (rollout: R) => Promise<RolloutOutcome>;
  /** Failures that would fail every other rollout too (the server is gone): the run stops. */
  isFatal: (error: unknown) => boolean;
  tally: EvalTally;
  dryRun: boolean;
  shouldStop: () => boolean;
  progress?: ProgressBar | null | undefined;
}

/**
 * The loop both `agl:eval` back ends share: every rollout scored at most `concurrency` at a time,
 * each outcome tallied and shown. Returns what ended the run early, or null.
 */
export async function scoreEach<R extends { rollout_id: string }>(
  rollouts: AsyncIterable<R>,
  options: ScoreEachOptions<R>,
): Promise<string | null> {
  const { tally, progress } = options;
  try {
    await forEachConcurrent(
      rollouts,
      options.concurrency,
      async (rollout) => {
        let outcome: RolloutOutcome;
        try {
          outcome = await options.score(rollout);
        } catch (caught) {
          if (options.isFatal(caught)) throw caught;
          outcome = {
            kind: 'failed',
            rolloutId: rollout.rollout_id,
            reason: describeError(caught),
          };
        }
        tally.add(outcome);
        progress?.tick(1, tally.note(options.dryRun));
      },
      options.shouldStop,
    );
    return null;
  } catch (caught) {
    return describeError(caught);
  } finally {
    progress?.finish();
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
