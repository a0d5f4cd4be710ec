import type { ConversionStats } from '@agl/converter';
import { message } from './engine-warnings.ts';
import { type DropReason, type ExporterStats, emptyStats } from './exporter-stats.ts';
import type { ControlCounts } from './run-controls.ts';
import type { RunEvent } from './run-lifecycle.ts';
import type { RunState } from './run-state.ts';

/** What the engine's parts know right now, for a stats snapshot. */
export interface LiveCounts {
  conversion: ConversionStats;
  queuedSpans: number;
  heldSpans: number;
  requestsInFlight: number;
  activeRollouts: number;
  controls: ControlCounts;
}

/** The engine's counters, kept from the lifecycle's events and commands. */
export class EngineStats {
  readonly counters: ExporterStats = emptyStats();

  /** Counts what `event` did to `run`; `lostBefore` is the run's loss count before it. */
  event(run: RunState, event: RunEvent, lostBefore: number, newRollout: boolean): void {
    const { spans, rollouts } = this.counters;
    if (newRollout) {
      rollouts.started++;
      if (run.previousRolloutIds.length > 0) rollouts.recreated++;
    }
    if (event.type === 'stored') spans.exported += event.spans.length;
    else if (event.type === 'sendFailed') spans.retried += event.spans.length;
    if (event.type === 'spanFailed') this.drop(event.reason, 1);
    else if (run.lost > lostBefore) this.drop(run.lossReason ?? 'rejected', run.lost - lostBefore);
  }

  /** A copy of the counters with the live counts filled in. */
  snapshot(live: LiveCounts): ExporterStats {
    const stats = structuredClone(this.counters);
    stats.conversion = { ...live.conversion };
    stats.spans.queued = live.queuedSpans;
    stats.spans.held = live.heldSpans;
    stats.requestsInFlight = live.requestsInFlight;
    stats.rollouts.active = live.activeRollouts;
    stats.spans.filtered = live.controls.spansFiltered;
    stats.spans.sampledOut = live.controls.spansSampledOut;
    stats.rollouts.sampledOut = live.controls.runsSampledOut;
    stats.rollouts.maskFailures = live.controls.maskFailures;
    return stats;
  }

  settled(run: RunState): void {
    const { rollouts } = this.counters;
    if (run.phase === 'done') {
      rollouts.finished++;
      if (run.lost > 0) rollouts.incomplete++;
    } else if (run.phase === 'abandoned') rollouts.lost++;
    else if (run.phase === 'refused') rollouts.refused++;
  }

  drop(reason: DropReason, count: number): void {
    if (count <= 0) return;
    this.counters.spans.dropped[reason] += count;
    if (reason === 'rejected') this.counters.spans.failed += count;
  }

  error(what: string, error: unknown): void {
    this.counters.lastError = {
      message: `${what}: ${message(error)}`,
      at: new Date().toISOString(),
    };
  }
}
