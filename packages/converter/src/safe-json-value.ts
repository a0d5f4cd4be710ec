import { truncateText } from './attributes/limits.ts';
import { safeJsonStringify } from './attributes/safe-json.ts';
import { setOwn } from './attributes/set-own.ts';

/** Longest string kept in a rollout field, the same bound span attribute values get. */
export const DEFAULT_MAX_JSON_STRING_LENGTH = 256 * 1024;

/**
 * A copy of `value` that any JSON store accepts and can read back, for rollout input, metadata
 * and attempt errors (they travel as JSON, not as span attributes). The same repairs as span
 * attribute values: lone surrogates become U+FFFD, long strings are cut with a visible marker,
 * NaN/±Infinity, bigints and bytes become text, cycles a marker, functions and undefined are
 * left out. Never throws.
 */
export function toSafeJsonValue(
  value: unknown,
  maxStringLength = DEFAULT_MAX_JSON_STRING_LENGTH,
): unknown {
  try {
    return truncateStrings(JSON.parse(safeJsonStringify(value)), maxStringLength);
  } catch {
    return null;
  }
}

function truncateStrings(value: unknown, limit: number): unknown {
  if (typeof value === 'string') return truncateText(value, limit);
  if (Array.isArray(value)) return value.map((item) => truncateStrings(item, limit));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      setOwn(result, truncateText(key, limit), truncateStrings(item, limit));
    }
    return result;
  }
  return value;
}
