import type { ConversionStats } from '@agl/converter';

/** Why spans did not reach AGL. */
export type DropReason =
  | 'queue_full'
  | 'run_refused'
  | 'outside_run'
  | 'rejected'
  | 'shutdown'
  | 'conversion_failed'
  | 'run_unavailable'
  | 'store_unusable';

export interface ExporterStats {
  spans: {
    /** Spans kept for runs that are not final yet (waiting, on their way, or stored). */
    queued: number;
    held: number;
    exported: number;
    retried: number;
    failed: number;
    dropped: Record<DropReason, number>;
    /** Left out on purpose by `shouldExportSpan` / `dropSpans` (not a loss). */
    filtered: number;
    /** Spans of runs that sampling left out (not a loss). */
    sampledOut: number;
  };
  rollouts: {
    started: number;
    /** Finished in AGL (succeeded, failed, or incomplete). */
    finished: number;
    /** Finished as failed because spans were lost (`metadata.incomplete`). */
    incomplete: number;
    recreated: number;
    /** Runs not admitted because the queue was full. */
    refused: number;
    /** Runs given up without a final rollout (AGL refused them or is gone for good). */
    lost: number;
    active: number;
    /** Runs that sampling left out: no rollout was created. */
    sampledOut: number;
    /** Rollout input or metadata values replaced by `[REDACTED]` because the mask threw. */
    maskFailures: number;
  };
  requestsInFlight: number;
  /** What the converter changed to make spans safe (truncations, drops, masks). */
  conversion: ConversionStats | null;
  lastError: { message: string; at: string } | null;
}

export function emptyStats(): ExporterStats {
  return {
    spans: {
      queued: 0,
      held: 0,
      exported: 0,
      retried: 0,
      failed: 0,
      dropped: {
        queue_full: 0,
        run_refused: 0,
        outside_run: 0,
        rejected: 0,
        shutdown: 0,
        conversion_failed: 0,
        run_unavailable: 0,
        store_unusable: 0,
      },
      filtered: 0,
      sampledOut: 0,
    },
    rollouts: {
      started: 0,
      finished: 0,
      incomplete: 0,
      recreated: 0,
      refused: 0,
      lost: 0,
      active: 0,
      sampledOut: 0,
      maskFailures: 0,
    },
    requestsInFlight: 0,
    conversion: null,
    lastError: null,
  };
}
