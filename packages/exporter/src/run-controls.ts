import type { Attributes, Context } from '@opentelemetry/api';
import type { SpanShape } from './agent-span.ts';
import { maskRolloutFields, type RolloutFields } from './mask-rollout.ts';
import type { ResolvedOptions } from './options.ts';
import {
  type AglRunContext,
  mergeRunContexts,
  runContextMetadata,
  runContextOf,
  runContextOfSpan,
} from './run-context.ts';
import { decideRun, keepsEveryRun, type RunRoot } from './run-sampler.ts';
import { decideSpan } from './span-filter.ts';

/** Per-run state of the production controls. */
export interface RunControlState {
  /** Decided once, when the run's root is first seen; every span of the run follows it. */
  sampledOut: boolean;
  /** Spans of this run the filter left out on purpose. */
  filtered: number;
  /** The request's context when the run started (processor only). */
  context: AglRunContext | undefined;
}

export interface ControlCounts {
  spansFiltered: number;
  spansSampledOut: number;
  runsSampledOut: number;
  maskFailures: number;
}

type ControlOptions = Pick<
  ResolvedOptions,
  'spanFilter' | 'sampleRate' | 'sampleRun' | 'runContext' | 'converter'
>;

const KEPT: RunControlState = Object.freeze({ sampledOut: false, filtered: 0, context: undefined });

/**
 * Sampling, span filtering, run context and rollout masking, applied by the exporter's engine at
 * three points: a run opens, a span of a run is placed, a rollout request is built. With every
 * control off each point is one branch.
 */
export class RunControls {
  readonly counts: ControlCounts = {
    spansFiltered: 0,
    spansSampledOut: 0,
    runsSampledOut: 0,
    maskFailures: 0,
  };
  readonly #options: ControlOptions;
  readonly #onError: (what: string) => void;
  readonly #keepsEveryRun: boolean;

  constructor(options: ControlOptions, onError: (what: string) => void) {
    this.#options = options;
    this.#onError = onError;
    this.#keepsEveryRun = keepsEveryRun(options);
  }

  /** A run opens: the sampling decision, and the request context the root started in. */
  openRun(root: RunRoot, parent: Context | undefined): RunControlState {
    const context = parent ? runContextOf(parent) : undefined;
    if (this.#keepsEveryRun && !context) return { ...KEPT };
    const decision = this.#keepsEveryRun ? 'keep' : decideRun(this.#options, root);
    if (decision === 'error') this.#onError('sampleRun threw; the run is kept');
    const sampledOut = decision === 'drop';
    if (sampledOut) this.counts.runsSampledOut++;
    return { sampledOut, filtered: 0, context };
  }

  /** Whether a placed span goes to delivery. Counts what is left out and why. */
  admitSpan(state: RunControlState, span: SpanShape, isRunRoot: boolean): boolean {
    if (state.sampledOut) {
      this.counts.spansSampledOut++;
      return false;
    }
    const decision = decideSpan(this.#options.spanFilter, span, isRunRoot);
    if (decision === 'keep') return true;
    if (decision === 'error') {
      this.#onError('shouldExportSpan threw; the span is kept');
      return true;
    }
    state.filtered++;
    this.counts.spansFiltered++;
    return false;
  }

  /**
   * Rollout metadata from the run context (app, then request, then the agent span's own) and
   * the filtered count. The engine adds its own keys after these, so they cannot be overwritten.
   */
  runMetadata(
    state: RunControlState,
    rootAttributes: Attributes | undefined,
  ): Record<string, unknown> {
    const runContext = mergeRunContexts(
      this.#options.runContext,
      state.context,
      rootAttributes ? runContextOfSpan(rootAttributes) : undefined,
    );
    const metadata = runContextMetadata(runContext);
    if (this.#options.spanFilter) metadata.spans_filtered = state.filtered;
    return metadata;
  }

  /** The rollout's input and metadata through the mask (fails closed). */
  mask(fields: RolloutFields): RolloutFields {
    const masked = maskRolloutFields(fields, this.#options.converter?.mask);
    this.counts.maskFailures += masked.failures;
    return { input: masked.input, metadata: masked.metadata };
  }
}
