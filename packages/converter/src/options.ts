import { resolveSpanLimits, type SpanLimits } from './attributes/limits.ts';
import type { MaskFunction } from './attributes/redact.ts';
import type { GenAiOptions } from './genai/normalize-genai.ts';

export interface ConverterOptions {
  /** Size bounds; see DEFAULT_SPAN_LIMITS. */
  limits?: Partial<SpanLimits>;
  /** Redaction hook run on every attribute value (span, event, link, resource) and on the
   * status description. If it throws, the value is replaced by `[REDACTED]`. */
  mask?: MaskFunction;
  /** GenAI normalisation for AGL's training adapters; `false` turns it off. Default on. */
  genai?: GenAiOptions | false;
}

export interface ResolvedConverterOptions {
  limits: SpanLimits;
  mask: MaskFunction | undefined;
  genai: GenAiOptions | false;
}

/** Checks the options once, up front, with errors that name the bad option. */
export function resolveConverterOptions(options: ConverterOptions = {}): ResolvedConverterOptions {
  if (options.mask !== undefined && typeof options.mask !== 'function') {
    throw new TypeError(
      `mask must be a function ({ key, value, location }) => value, got ${typeof options.mask}.`,
    );
  }
  const genai = options.genai ?? {};
  if (genai !== false) {
    const name = genai.llmSpanName;
    if (name !== undefined && name !== false && (typeof name !== 'string' || name === '')) {
      throw new TypeError(
        'genai.llmSpanName must be a non-empty string, or false to keep span names.',
      );
    }
  }
  return { limits: resolveSpanLimits(options.limits), mask: options.mask, genai };
}
