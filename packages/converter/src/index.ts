export {
  DROPPED_ATTRIBUTES_COUNT_KEY,
  TRUNCATED_ATTRIBUTES_KEY,
} from './attributes/convert-attributes.ts';
export { DEFAULT_SPAN_LIMITS, type SpanLimits } from './attributes/limits.ts';
export {
  MASK_FAILED_VALUE,
  type MaskFunction,
  type MaskInput,
  type MaskLocation,
} from './attributes/redact.ts';
export type { ConversionStats } from './conversion-stats.ts';
export {
  DEFAULT_LLM_SPAN_NAME,
  MODEL_CALL_CHILD_SPANS_KEY,
  ORIGINAL_NAME_KEY,
} from './genai/attribute-names.ts';
export { type GenAiOptions, normalizeGenAi } from './genai/normalize-genai.ts';
export {
  TRACELOOP_RUN_KINDS,
  TRACELOOP_RUN_SPAN_NAME,
  TRACELOOP_SPAN_KIND,
  traceloopRunInput,
  traceloopRunName,
} from './genai/traceloop-entity.ts';
export type { ConverterOptions } from './options.ts';
export { DEFAULT_MAX_JSON_STRING_LENGTH, toSafeJsonValue } from './safe-json-value.ts';
export {
  type AglSpanConverter,
  type AglSpanIds,
  createAglSpanConverter,
  DROPPED_EVENTS_COUNT_KEY,
  DROPPED_LINKS_COUNT_KEY,
  ORIGINAL_PARENT_ID_KEY,
  toAglSpan,
} from './to-agl-span.ts';
