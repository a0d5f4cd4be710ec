import type { AglStore, Attempt, Rollout, Span } from '@agl/client';
import { latestAttemptSpans } from '@agl/rewards';
import { isRecordError } from '@agl/snapshot';
import type { ProgressBar } from '../progress/progress-bar.ts';
import { mapConcurrent } from '../rollouts/map-concurrent.ts';
import { matchAgentInSpans, matchRollout, type RolloutFilter } from '../rollouts/rollout-filter.ts';
import { scanRollouts } from '../rollouts/scan-rollouts.ts';
import { type TrainingRecord, trainingRecords } from '../training-data/training-records.ts';
import type { JsonlFile } from './jsonl-file.ts';
import { type RolloutFacts, rolloutFacts } from './rollout-facts.ts';
import { type StoreReport, StoreReportBuilder } from './store-report.ts';

export interface AnalyzeOptions {
  filter: RolloutFilter;
  /** Rollouts read at once (default 4). */
  concurrency?: number;
  /** Where training records go (`--export`); none when null. */
  exportFile?: JsonlFile | null;
  /** When aborted, the scan stops after the page in progress. */
  signal?: AbortSignal;
  progress?: ProgressBar | null;
  /** Rollouts per store page (default 100). */
  pageSize?: number;
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * `agl:analyze`: reads the store a page at a time and adds each rollout to the report, then
 * forgets its spans. With an export file, writes one training record per LLM call of each
 * finished rollout, in store order, following the adapters of the store's AGL version.
 */
export async function runAnalyze(
  store: AglStore,
  options: AnalyzeOptions,
): Promise<{ report: StoreReport; interrupted: boolean }> {
  const { filter } = options;
  const builder = new StoreReportBuilder();
  const exportFile = options.exportFile ?? null;
  const exported = { rollouts: 0, recordsWithReward: 0 };
  let interrupted = false;

  const analyse = async (
    rollout: Rollout,
  ): Promise<{ facts: RolloutFacts; records: TrainingRecord[] } | null> => {
    try {
      const match = matchRollout(filter, rollout);
      if (!match.matches) return null;
      const spans = await readSpans(store, rollout);
      if (match.agentPending && !matchAgentInSpans(filter, spans ?? [])) return null;
      const facts = rolloutFacts(rollout, spans, await readAttemptsIfNeeded(store, rollout));
      const latest =
        spans && exportFile && FINISHED.has(rollout.status)
          ? latestAttemptSpans(rollout, spans)
          : null;
      const records = latest
        ? trainingRecords(rollout, latest.spans, {
            version: store.dialect,
            rolloutReward: facts.summary.reward,
          })
        : [];
      return { facts, records };
    } finally {
      options.progress?.tick();
    }
  };

  for await (const page of scanRollouts(store, {
    statuses: filter.statuses,
    ids: filter.ids,
    pageSize: options.pageSize ?? 100,
  })) {
    options.progress?.setTotal(page.total);
    const results = await mapConcurrent(page.rollouts, options.concurrency ?? 4, analyse);
    for (const result of results) {
      if (result === null) continue;
      builder.add(result.facts);
      if (exportFile === null || result.records.length === 0) continue;
      exported.rollouts += 1;
      for (const record of result.records) {
        if (record.triplet.reward !== null) exported.recordsWithReward += 1;
        await exportFile.write(record);
      }
    }
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
  }
  options.progress?.finish();
  const report = builder.build({
    endpoint: store.baseUrl,
    dialect: store.dialect,
    export:
      exportFile === null
        ? null
        : { path: exportFile.path, records: exportFile.lines, ...exported },
  });
  return { report, interrupted };
}

/** The rollout's spans; null when the store no longer has them. Queued rollouts have none. */
async function readSpans(store: AglStore, rollout: Rollout): Promise<Span[] | null> {
  if (rollout.status === 'queuing') return [];
  try {
    return await store.querySpans(rollout.rollout_id);
  } catch (error) {
    if (isRecordError(error)) return null;
    throw error;
  }
}

/**
 * Attempts, for why a rollout failed: AGL 0.3 returns the latest attempt with the rollout, 0.2
 * does not, so for failed 0.2 rollouts they are read.
 */
async function readAttemptsIfNeeded(
  store: AglStore,
  rollout: Rollout,
): Promise<Attempt[] | undefined> {
  if (
    rollout.attempt !== undefined ||
    rollout.status === 'succeeded' ||
    rollout.status === 'queuing'
  ) {
    return undefined;
  }
  try {
    return await store.queryAttempts(rollout.rollout_id);
  } catch (error) {
    if (isRecordError(error)) return undefined;
    throw error;
  }
}
