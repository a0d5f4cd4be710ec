import type { AttributeValue } from '@agl/client';

/** Bounds applied to every converted span. Names follow OpenTelemetry's `SpanLimits`. */
export interface SpanLimits {
  /** Longest string kept, in UTF-16 code units; also applies to each string in an array,
   * to span and event names and to the status description. */
  attributeValueLengthLimit: number;
  /** Most elements kept in an array value (token id arrays can be long). */
  attributeArrayLengthLimit: number;
  /** Most attributes on a span, and on its resource. */
  attributeCountLimit: number;
  attributePerEventCountLimit: number;
  attributePerLinkCountLimit: number;
  /** Most events kept per span (the most recent ones, as the OpenTelemetry SDK does). */
  eventCountLimit: number;
  /** Most links kept per span (the first ones). */
  linkCountLimit: number;
}

export const DEFAULT_SPAN_LIMITS: Readonly<SpanLimits> = Object.freeze({
  attributeValueLengthLimit: 256 * 1024,
  attributeArrayLengthLimit: 256 * 1024,
  attributeCountLimit: 4096,
  attributePerEventCountLimit: 128,
  attributePerLinkCountLimit: 128,
  eventCountLimit: 128,
  linkCountLimit: 128,
});

/** Merges `overrides` onto the defaults; throws a clear error for a limit that is not a
 * positive integer (Infinity allowed). */
export function resolveSpanLimits(overrides: Partial<SpanLimits> = {}): SpanLimits {
  const limits: SpanLimits = { ...DEFAULT_SPAN_LIMITS };
  for (const [name, value] of Object.entries(overrides) as Array<[keyof SpanLimits, unknown]>) {
    if (!(name in DEFAULT_SPAN_LIMITS)) {
      throw new Error(
        `Unknown span limit "${name}". Known limits: ${Object.keys(DEFAULT_SPAN_LIMITS).join(', ')}.`,
      );
    }
    if (value === undefined) continue;
    const valid =
      typeof value === 'number' &&
      value >= 1 &&
      (Number.isInteger(value) || value === Number.POSITIVE_INFINITY);
    if (!valid) {
      throw new Error(
        `Span limit "${name}" must be a positive integer or Infinity, got ${String(value)}.`,
      );
    }
    limits[name] = value;
  }
  return limits;
}

/** Cuts `text` to `limit` code units (never splitting a surrogate pair) and appends a
 * visible marker saying how much was cut. Returns `text` itself when it fits. */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…[truncated ${text.length - end} characters]`;
}

/** `value` within the limits, or `value` itself (same reference) when it already fits. */
export function truncateValue(value: AttributeValue, limits: SpanLimits): AttributeValue {
  if (typeof value === 'string') return truncateText(value, limits.attributeValueLengthLimit);
  if (!Array.isArray(value)) return value;
  const array = value as readonly unknown[];
  let result = array;
  if (array.length > limits.attributeArrayLengthLimit) {
    result = array.slice(0, limits.attributeArrayLengthLimit);
  }
  if (typeof result[0] === 'string') {
    let strings: string[] | undefined;
    for (let index = 0; index < result.length; index++) {
      const item = result[index] as string;
      const cut = truncateText(item, limits.attributeValueLengthLimit);
      if (cut !== item) {
        strings ??= (result === array ? array.slice() : result) as string[];
        strings[index] = cut;
      }
    }
    if (strings !== undefined) result = strings;
  }
  return result as AttributeValue;
}
