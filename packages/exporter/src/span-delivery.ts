import { type AglStore, isAglError } from '@agl/client';
import { type CallReport, classifyFailure, emptyReport } from './call-report.ts';
import type { Outgoing } from './delivery-scheduler.ts';
import { sendOtlp } from './otlp-sink.ts';
import { withIds } from './prepared-span.ts';
import type { RunState } from './run-state.ts';
import { withoutTracing } from './without-tracing.ts';

/** A span refused this many times while the store answers is given up as rejected. */
const MAX_SPAN_ATTEMPTS = 6;

function setIds(batch: Outgoing[]): void {
  for (const { run, span } of batch)
    withIds(span, run.rolloutId as string, run.attemptId as string);
}

/**
 * Delivers spans: one OTLP request for the batch when the store takes OTLP, else (or when the
 * store refuses the batch as a whole) one REST call per span, so one bad span does not sink the
 * rest and a rollout AGL forgot is found.
 */
export async function deliverSpans(
  store: AglStore,
  batch: Outgoing[],
  otlp: boolean,
): Promise<CallReport> {
  setIds(batch);
  if (otlp) {
    try {
      await sendOtlp(
        store,
        batch.map(({ span }) => span),
      );
      return storedReport(batch);
    } catch (error) {
      if (classifyFailure(error) === 'outage' && !storeAnswered(error)) {
        return retryReport(batch, error);
      }
      // Refused as a whole (or failing on the server): find out span by span below.
    }
  }
  const reports = await Promise.all(batch.map((item) => deliverOne(store, item)));
  return mergeReports(reports);
}

async function deliverOne(store: AglStore, item: Outgoing): Promise<CallReport> {
  try {
    await withoutTracing(() => store.addSpan(item.span.agl));
    return storedReport([item]);
  } catch (error) {
    const report = emptyReport();
    const kind = classifyFailure(error);
    if (kind === 'outage' && (!storeAnswered(error) || ++item.span.attempts < MAX_SPAN_ATTEMPTS)) {
      return retryReport([item], error);
    }
    report.answered = kind !== 'outage';
    report.errors.push({ what: 'add span', error });
    if (kind === 'not_found') {
      report.events.push([item.run, { type: 'sendFailed', spans: [item.span] }]);
      report.events.push([item.run, { type: 'rolloutLost', rolloutId: item.span.agl.rollout_id }]);
    } else {
      report.events.push([item.run, { type: 'spansLost', spans: [item.span], reason: 'rejected' }]);
    }
    return report;
  }
}

/** The store answered with an error status (as opposed to not answering at all). */
function storeAnswered(error: unknown): boolean {
  return isAglError(error) && error.status !== null;
}

function byRun(batch: Outgoing[]): Map<RunState, Outgoing['span'][]> {
  const runs = new Map<RunState, Outgoing['span'][]>();
  for (const { run, span } of batch) {
    const spans = runs.get(run);
    if (spans) spans.push(span);
    else runs.set(run, [span]);
  }
  return runs;
}

function storedReport(batch: Outgoing[]): CallReport {
  const report = emptyReport();
  report.answered = true;
  for (const [run, spans] of byRun(batch)) report.events.push([run, { type: 'stored', spans }]);
  return report;
}

function retryReport(batch: Outgoing[], error: unknown): CallReport {
  const report = emptyReport();
  report.outage = error;
  for (const [run, spans] of byRun(batch)) report.events.push([run, { type: 'sendFailed', spans }]);
  return report;
}

function mergeReports(reports: CallReport[]): CallReport {
  const merged = emptyReport();
  for (const report of reports) {
    merged.events.push(...report.events);
    merged.errors.push(...report.errors);
    merged.answered ||= report.answered;
    merged.outage ??= report.outage;
  }
  return merged;
}
