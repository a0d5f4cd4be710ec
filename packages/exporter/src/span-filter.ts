import type { SpanShape } from './agent-span.ts';

/**
 * Decides whether an ended span is sent to AGL. Return false to leave it out of its rollout; the
 * rollout then records how many spans were left out on purpose (`spans_filtered`). A run's agent
 * span is always sent, whatever the filter says: without it the rollout has no root.
 */
export type SpanFilter = (span: SpanShape) => boolean;

/** Named span groups for the environment form (`AGL_DROP_SPANS=model_chunks`). */
export const SPAN_FILTER_PRESETS = {
  /** Mastra's per-token stream chunks: many, tiny, and no AGL adapter reads them. */
  model_chunks: (span: SpanShape) =>
    span.attributes['mastra.span.type'] === 'model_chunk' || span.name.startsWith('model_chunk'),
  /** Mastra's per-step wrappers around model calls (the `chat` span keeps the call itself). */
  model_steps: (span: SpanShape) =>
    span.attributes['mastra.span.type'] === 'model_step' || span.name.startsWith('model_step'),
  /** Mastra's inner model-inference wrappers. */
  model_inference: (span: SpanShape) =>
    span.attributes['mastra.span.type'] === 'model_inference' ||
    span.name.startsWith('model_inference'),
} as const satisfies Record<string, (span: SpanShape) => boolean>;

export type SpanFilterPreset = keyof typeof SPAN_FILTER_PRESETS;

export function isSpanFilterPreset(name: string): name is SpanFilterPreset {
  return Object.hasOwn(SPAN_FILTER_PRESETS, name);
}

function namePattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * A filter that drops the spans named by `entries`: preset names (see SPAN_FILTER_PRESETS) or
 * span-name patterns where `*` matches anything (`fs.*`, `GET /health`). Everything else is kept.
 */
export function dropSpansFilter(entries: readonly string[]): SpanFilter {
  const presets = entries.filter(isSpanFilterPreset).map((name) => SPAN_FILTER_PRESETS[name]);
  const patterns = entries.filter((entry) => !isSpanFilterPreset(entry)).map(namePattern);
  return (span) => {
    for (const preset of presets) if (preset(span)) return false;
    for (const pattern of patterns) if (pattern.test(span.name)) return false;
    return true;
  };
}

/** Both filters must keep a span for it to be kept. */
export function bothFilters(first: SpanFilter, second: SpanFilter): SpanFilter {
  return (span) => first(span) && second(span);
}

export type FilterDecision = 'keep' | 'filter' | 'error';

/**
 * Runs the filter on one span. A run's root is never filtered. A throwing filter keeps the span
 * (`error`): losing training data because of a bug in a filter is worse than sending one span
 * too many.
 */
export function decideSpan(
  filter: SpanFilter | undefined,
  span: SpanShape,
  isRunRoot: boolean,
): FilterDecision {
  if (!filter || isRunRoot) return 'keep';
  try {
    return filter(span) === false ? 'filter' : 'keep';
  } catch {
    return 'error';
  }
}
