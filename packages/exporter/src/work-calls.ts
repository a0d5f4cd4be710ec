import type { AglStore } from '@agl/client';
import type { CallReport } from './call-report.ts';
import type { WorkItem } from './delivery-scheduler.ts';
import type { ResolvedOptions } from './options.ts';
import { createRollout, fetchSequenceBase, finishRollout } from './rollout-calls.ts';
import type { RunDescription } from './rollout-request.ts';
import type { RunState } from './run-state.ts';
import { deliverSpans } from './span-delivery.ts';

/** Makes the call a work item stands for; never rejects (a surprise counts as an outage). */
export function performWork(
  store: AglStore,
  item: WorkItem,
  describe: (run: RunState) => RunDescription,
  options: ResolvedOptions,
  otlp: boolean,
): Promise<CallReport> {
  let call: Promise<CallReport>;
  try {
    if (item.kind === 'deliver') call = deliverSpans(store, item.spans, otlp);
    else if (item.kind === 'sequence') call = fetchSequenceBase(store, item.run);
    else {
      const rolloutCall = { store, run: item.run, description: describe(item.run), options };
      call = item.kind === 'create' ? createRollout(rolloutCall) : finishRollout(rolloutCall);
    }
  } catch (error) {
    call = Promise.reject(error);
  }
  return call.catch(
    (error: unknown): CallReport => ({
      events: [],
      answered: false,
      outage: error,
      errors: [{ what: item.kind, error }],
    }),
  );
}
