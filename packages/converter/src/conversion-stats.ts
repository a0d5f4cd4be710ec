import type { MaskCounters } from './attributes/redact.ts';

/** Running totals of what the converter changed. Plain numbers: cheap to bump on the hot path
 * and to copy for a metrics snapshot. */
export interface ConversionStats extends MaskCounters {
  /** Spans converted. */
  spans: number;
  /** Strings or arrays cut to a limit (each is listed in `agl.truncated_attributes`). */
  valuesTruncated: number;
  /** Events over `eventCountLimit` (the oldest go). */
  eventsDropped: number;
  /** Links over `linkCountLimit`. */
  linksDropped: number;
  /** Spans whose GenAI normalisation failed; they are sent with their original attributes. */
  normalizationFailures: number;
}

export function createConversionStats(): ConversionStats {
  return {
    spans: 0,
    attributesDropped: 0,
    valuesStringified: 0,
    attributesFlattened: 0,
    stringsRepaired: 0,
    maskFailures: 0,
    valuesTruncated: 0,
    eventsDropped: 0,
    linksDropped: 0,
    normalizationFailures: 0,
  };
}
