import type { AttributeValue } from '@agl/client';
import { coerceAttributeValue, type SanitizeCounters } from './sanitize-attribute-value.ts';

/** Where a masked value sits: in the span, or in the rollout the exporter creates for a run. */
export type MaskLocation =
  | 'span'
  | 'event'
  | 'link'
  | 'resource'
  | 'status'
  | 'rollout_input'
  | 'rollout_metadata';

export interface MaskInput {
  /** The attribute key after flattening (`status.description` for the status text). */
  key: string;
  /** The value after the safety rules, before truncation. */
  value: AttributeValue;
  location: MaskLocation;
}

/**
 * Returns the value to send instead (any value; it goes through the safety rules again), or
 * `undefined`/`null` to leave the attribute out. Must be synchronous and cheap: it runs for
 * every attribute of every span.
 */
export type MaskFunction = (input: MaskInput) => unknown;

/** What a value becomes when the mask function throws: nothing of the original is sent. */
export const MASK_FAILED_VALUE = '[REDACTED]';

export interface MaskCounters extends SanitizeCounters {
  maskFailures: number;
}

/** Runs `mask` on one value. A throwing mask yields MASK_FAILED_VALUE; `undefined` means drop. */
export function applyMask(
  mask: MaskFunction,
  key: string,
  value: AttributeValue,
  location: MaskLocation,
  counters: MaskCounters,
): AttributeValue | undefined {
  let masked: unknown;
  try {
    masked = mask({ key, value, location });
  } catch {
    counters.maskFailures++;
    return MASK_FAILED_VALUE;
  }
  if (masked === value) return value;
  return coerceAttributeValue(masked, counters);
}
