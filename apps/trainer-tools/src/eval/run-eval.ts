import { randomBytes } from 'node:crypto';
import {
  type AglStore,
  FINISHED_ROLLOUT_STATUSES,
  isAglError,
  type Rollout,
  type RolloutStatus,
} from '@agl/client';
import {
  buildRewardSpan,
  EvaluatorError,
  evaluationContext,
  hasReward,
  placeReward,
  scoreRollout,
  type WeightedEvaluator,
} from '@agl/rewards';
import type { ProgressBar } from '../progress/progress-bar.ts';
import { matchAgentInSpans, matchRollout, type RolloutFilter } from '../rollouts/rollout-filter.ts';
import { scanRollouts } from '../rollouts/scan-rollouts.ts';
import { type EvalReport, EvalTally, type RolloutOutcome } from './eval-report.ts';
import { scoreEach } from './score-each.ts';

/** Written as `agl.reward.source` and the reward span's `service.name`. */
export const REWARD_SOURCE = 'agl-eval';

export interface EvalOptions {
  filter: RolloutFilter;
  evaluators: WeightedEvaluator[];
  /** Rollouts scored at once (default 4). */
  concurrency?: number;
  /** Score but write nothing. */
  dryRun?: boolean;
  /** Add a reward even to rollouts that have one. */
  force?: boolean;
  /** Stop after this many rewards. */
  limit?: number | null;
  /** When aborted, no new rollout is started; those in flight finish. */
  signal?: AbortSignal;
  progress?: ProgressBar | null;
  /** Epoch seconds. */
  now?: () => number;
  newSpanId?: () => string;
}

/**
 * `agl:eval`: finds finished rollouts without a reward, scores each with the evaluators and
 * writes a reward span that AGL's adapters attach to the rollout's last LLM call. Safe to rerun:
 * rollouts that have a reward are skipped unless `force`, so an interrupted run continues where
 * it stopped. Store failures end the run (reported in `error`); an evaluator failure only
 * leaves its rollout unscored.
 */
export async function runEval(store: AglStore, options: EvalOptions): Promise<EvalReport> {
  const started = performance.now();
  const { filter, evaluators } = options;
  const dryRun = options.dryRun ?? false;
  const force = options.force ?? false;
  const limit = options.limit ?? null;
  const now = options.now ?? (() => Date.now() / 1000);
  const newSpanId = options.newSpanId ?? (() => randomBytes(8).toString('hex'));
  const tally = new EvalTally(
    evaluators.map(({ evaluator, weight }) => ({ name: evaluator.name, weight })),
  );
  const seenIds = new Set<string>();
  let reserved = 0;
  let stoppedEarly: EvalReport['stoppedEarly'] = null;

  const statuses: RolloutStatus[] = filter.statuses ?? [...FINISHED_ROLLOUT_STATUSES];
  // With --ids, unfinished rollouts are fetched too, to say why they are not scored.
  const pages = scanRollouts(store, filter.ids ? { ids: filter.ids } : { statuses });

  async function* rollouts(): AsyncGenerator<Rollout> {
    for await (const page of pages) {
      options.progress?.setTotal(page.total);
      yield* page.rollouts;
    }
  }

  async function process(rollout: Rollout): Promise<RolloutOutcome> {
    const rolloutId = rollout.rollout_id;
    seenIds.add(rolloutId);
    if (!(FINISHED_ROLLOUT_STATUSES as readonly string[]).includes(rollout.status)) {
      return filter.ids
        ? { kind: 'skipped', rolloutId, reason: `not finished (${rollout.status})` }
        : { kind: 'filtered' };
    }
    const match = matchRollout({ ...filter, statuses }, rollout);
    if (!match.matches) return { kind: 'filtered' };
    const spans = await store.querySpans(rolloutId);
    if (match.agentPending && !matchAgentInSpans(filter, spans)) return { kind: 'filtered' };
    if (!force && hasReward(spans)) return { kind: 'already-rewarded', rolloutId };
    const placed = placeReward(rollout, spans);
    if (!placed.ok) return { kind: 'skipped', rolloutId, reason: placed.reason };
    const { placement } = placed;
    let score: Awaited<ReturnType<typeof scoreRollout>>;
    try {
      score = await scoreRollout(evaluationContext(rollout, placement.spans), evaluators);
    } catch (caught) {
      if (caught instanceof EvaluatorError)
        return { kind: 'failed', rolloutId, reason: caught.message };
      throw caught;
    }
    const { reward } = score;
    if (reward === null) {
      const names = score.scores.map((part) => part.name).join(', ');
      return { kind: 'skipped', rolloutId, reason: `no evaluator applies (${names})` };
    }
    if (limit !== null && reserved >= limit) return { kind: 'deferred', rolloutId };
    reserved += 1;
    const outcome: RolloutOutcome = {
      kind: 'rewarded',
      rolloutId,
      reward,
      scores: score.scores,
      written: !dryRun,
    };
    if (dryRun) return outcome;
    const sequenceId = await store.nextSequenceId(rolloutId, placement.attemptId);
    await store.addSpan(
      buildRewardSpan({
        placement,
        score: { ...score, reward },
        sequenceId,
        spanId: newSpanId(),
        now: now(),
        source: REWARD_SOURCE,
      }),
    );
    return outcome;
  }

  const shouldStop = () => {
    if (options.signal?.aborted) {
      stoppedEarly = 'interrupted';
      return true;
    }
    if (limit !== null && reserved >= limit) {
      stoppedEarly = 'limit';
      return true;
    }
    return false;
  };

  const error = await scoreEach(rollouts(), {
    concurrency: options.concurrency ?? 4,
    score: process,
    isFatal: isStoreDown,
    tally,
    dryRun,
    shouldStop,
    progress: options.progress,
  });
  return tally.report({
    endpoint: store.baseUrl,
    dialect: store.dialect,
    dryRun,
    force,
    missingIds: (filter.ids ?? []).filter((id) => !seenIds.has(id)),
    durationMs: Math.round(performance.now() - started),
    stoppedEarly,
    error,
  });
}

/** Failures that would fail every other rollout too: the run stops instead. */
function isStoreDown(error: unknown): boolean {
  return (
    isAglError(error, 'unavailable') ||
    isAglError(error, 'timeout') ||
    isAglError(error, 'protocol')
  );
}
