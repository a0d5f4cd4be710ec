import type { Attributes, AttributeValue } from '@agl/client';
import type { ConversionStats } from '../conversion-stats.ts';
import { type SpanLimits, truncateValue } from './limits.ts';
import { applyMask, type MaskFunction, type MaskLocation } from './redact.ts';
import { type AttributeSink, sanitizeAttribute } from './sanitize-attribute-value.ts';

/** Keys of the attributes this map had cut to the value or array length limit. */
export const TRUNCATED_ATTRIBUTES_KEY = 'agl.truncated_attributes';
/** How many attributes this map lost: over the count limit, unusable values, masked away, and
 * those the OpenTelemetry SDK had already dropped. */
export const DROPPED_ATTRIBUTES_COUNT_KEY = 'agl.dropped_attributes_count';
/** At most this many keys are listed in `agl.truncated_attributes`. */
export const MAX_LISTED_TRUNCATIONS = 128;

export interface AttributeConversion {
  limits: SpanLimits;
  mask: MaskFunction | undefined;
  stats: ConversionStats;
}

/**
 * One AGL attribute map from one or more source maps, in order (a key already written wins):
 * every value made safe (sanitizeAttribute), masked, truncated, and at most `countLimit` kept.
 * Truncations and drops are marked in the map itself. Never throws.
 */
export function convertAttributes(
  conversion: AttributeConversion,
  location: MaskLocation,
  countLimit: number,
  alreadyDropped: number,
  ...sources: Array<Readonly<Record<string, unknown>> | undefined>
): Attributes {
  const { limits, mask, stats } = conversion;
  const out: Attributes = {};
  const droppedBefore = stats.attributesDropped;
  let count = 0;
  let truncated: string[] | undefined;

  const sink: AttributeSink = (key, value) => {
    if (Object.hasOwn(out, key)) {
      stats.attributesDropped++;
      return true;
    }
    if (count >= countLimit) return false;
    let safe: AttributeValue | undefined = value;
    if (mask !== undefined) {
      safe = applyMask(mask, key, value, location, stats);
      if (safe === undefined) {
        stats.attributesDropped++;
        return true;
      }
    }
    const cut = truncateValue(safe, limits);
    if (cut !== safe) {
      stats.valuesTruncated++;
      truncated ??= [];
      if (truncated.length < MAX_LISTED_TRUNCATIONS) truncated.push(key);
    }
    setOwn(out, key, cut);
    count++;
    return true;
  };

  for (const source of sources) {
    if (source === undefined || source === null || typeof source !== 'object') continue;
    let keys: string[];
    try {
      keys = Object.keys(source);
    } catch {
      continue;
    }
    for (const key of keys) {
      let value: unknown;
      try {
        value = source[key];
      } catch {
        value = '[unserializable]';
      }
      sanitizeAttribute(key, value, sink, stats);
    }
  }

  if (truncated !== undefined) out[TRUNCATED_ATTRIBUTES_KEY] = truncated;
  const dropped =
    stats.attributesDropped -
    droppedBefore +
    (Number.isFinite(alreadyDropped) ? alreadyDropped : 0);
  if (dropped > 0) out[DROPPED_ATTRIBUTES_COUNT_KEY] = dropped;
  return out;
}

/** Plain assignment, except for `__proto__`, which must become an own data property. */
export function setOwn(target: Attributes, key: string, value: AttributeValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
