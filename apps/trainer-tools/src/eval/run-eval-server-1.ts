import { type AglServerClient, isAglError, type Rollout1, type RolloutStatus } from '@agl/client';
import { EvaluatorError, scoreRollout, type WeightedEvaluator } from '@agl/rewards';
import { server1RolloutView } from '@agl/snapshot';
import type { ProgressBar } from '../progress/progress-bar.ts';
import { matchRollout, type RolloutFilter } from '../rollouts/rollout-filter.ts';
import { type EvalReport, EvalTally, type RolloutOutcome } from './eval-report.ts';
import { REWARD_SOURCE } from './run-eval.ts';
import { scoreEach } from './score-each.ts';
import {
  answeredModelCalls,
  currentAttemptId,
  hasRewardEvent,
  server1EvaluationContext,
} from './server-1-context.ts';

/** The finished states of an AGL 1.0 rollout. */
export const SERVER_1_FINISHED_STATES = ['succeeded', 'failed'] as const;

const TERMINAL_PAGE_SIZE = 200;

export interface Server1EvalOptions {
  filter: RolloutFilter;
  evaluators: WeightedEvaluator[];
  concurrency?: number;
  dryRun?: boolean;
  /** Add a reward event even to rollouts that have one (AGL's trainers read the last). */
  force?: boolean;
  limit?: number | null;
  signal?: AbortSignal;
  progress?: ProgressBar | null;
}

/**
 * `agl:eval` against AGL 1.0 (`agl-server`): walks finished rollouts in completion order, scores
 * each one that has answered gateway calls and no reward event yet, and posts a `reward` event
 * to its current attempt. Same contract as `runEval`: safe to rerun, an evaluator failure leaves
 * only its rollout unscored, a server failure ends the run with the summary so far.
 */
export async function runEvalServer1(
  client: AglServerClient,
  options: Server1EvalOptions,
): Promise<EvalReport> {
  const started = performance.now();
  const { filter, evaluators } = options;
  const dryRun = options.dryRun ?? false;
  const force = options.force ?? false;
  const limit = options.limit ?? null;
  const tally = new EvalTally(
    evaluators.map(({ evaluator, weight }) => ({ name: evaluator.name, weight })),
  );
  const statuses: RolloutStatus[] = filter.statuses ?? [...SERVER_1_FINISHED_STATES];
  const missingIds: string[] = [];
  let reserved = 0;
  let stoppedEarly: EvalReport['stoppedEarly'] = null;

  async function* byIds(ids: readonly string[]): AsyncGenerator<Rollout1> {
    options.progress?.setTotal(ids.length);
    for (const id of ids) {
      const detail = await client.getRollout(id);
      if (detail === null) missingIds.push(id);
      else yield detail.rollout;
    }
  }

  async function* finished(): AsyncGenerator<Rollout1> {
    let after = 0;
    for (;;) {
      const page = await client.listTerminalRollouts(after, TERMINAL_PAGE_SIZE);
      options.progress?.setTotal(page.total_terminal);
      for (const item of page.items) {
        // Deleted since it finished: nothing to score.
        const detail = await client.getRollout(item.rollout_id);
        if (detail !== null) yield detail.rollout;
      }
      if (page.next_after === after || page.next_after >= page.total_terminal) return;
      after = page.next_after;
    }
  }

  async function process(rollout: Rollout1): Promise<RolloutOutcome> {
    const rolloutId = rollout.rollout_id;
    const state = rollout.status.state;
    if (!(SERVER_1_FINISHED_STATES as readonly string[]).includes(state)) {
      return filter.ids
        ? { kind: 'skipped', rolloutId, reason: `not finished (${state})` }
        : { kind: 'filtered' };
    }
    const match = matchRollout({ ...filter, statuses }, server1RolloutView(rollout));
    // AGL 1.0 keeps no spans: an agent not named in the metadata cannot be matched.
    if (!match.matches || match.agentPending) return { kind: 'filtered' };
    const events = await client.listEvents(rolloutId);
    if (!force && hasRewardEvent(events)) return { kind: 'already-rewarded', rolloutId };
    if (answeredModelCalls(events).length === 0) {
      return {
        kind: 'skipped',
        rolloutId,
        reason: 'no answered gateway model call (nothing for a trainer to attach a reward to)',
      };
    }
    let score: Awaited<ReturnType<typeof scoreRollout>>;
    try {
      score = await scoreRollout(server1EvaluationContext(rollout, events), evaluators);
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
    await client.postReward(rolloutId, currentAttemptId(rollout), reward, {
      source: REWARD_SOURCE,
      reason: score.scores
        .map((part) => `${part.name} ${part.value === null ? 'n/a' : part.value.toFixed(3)}`)
        .join(', '),
    });
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

  const error = await scoreEach(filter.ids ? byIds(filter.ids) : finished(), {
    concurrency: options.concurrency ?? 4,
    score: process,
    isFatal: isServerDown,
    tally,
    dryRun,
    shouldStop,
    progress: options.progress,
  });
  return tally.report({
    endpoint: client.baseUrl,
    dialect: '1.0',
    dryRun,
    force,
    missingIds,
    durationMs: Math.round(performance.now() - started),
    stoppedEarly,
    error,
  });
}

/** Failures that would fail every other rollout too (server gone, key refused): the run stops. */
function isServerDown(error: unknown): boolean {
  return (
    isAglError(error, 'unavailable') ||
    isAglError(error, 'timeout') ||
    isAglError(error, 'protocol') ||
    (isAglError(error) && error.status === 401)
  );
}
