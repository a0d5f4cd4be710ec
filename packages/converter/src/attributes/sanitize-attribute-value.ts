import type { AttributeValue } from '@agl/client';
import { bytesToHex, safeJsonStringify } from './safe-json.ts';
import { toWellFormed } from './well-formed-string.ts';

/** Receives one AGL-ready attribute; returns false when the map is full and nothing more fits. */
export type AttributeSink = (key: string, value: AttributeValue) => boolean;

export interface SanitizeCounters {
  /** null, undefined, functions, symbols, empty objects, refused by a full map. */
  attributesDropped: number;
  /** Values written as text: JSON for mixed arrays and deep structures, "NaN", bigints, bytes. */
  valuesStringified: number;
  /** Objects and arrays of objects spread into dotted keys (counted once per source value). */
  attributesFlattened: number;
  /** Strings in which lone surrogates were replaced with U+FFFD. */
  stringsRepaired: number;
}

/** Objects nested deeper than this are written as JSON text instead of more dotted keys. */
export const MAX_FLATTEN_DEPTH = 8;
/** Most leaves one source value may produce; the rest is dropped and counted once. */
export const MAX_LEAVES_PER_VALUE = 10_000;

interface FlattenState {
  leaves: number;
  path: object[];
  full: boolean;
}

/**
 * Turns one attribute with a value of any type into zero or more attributes AGL accepts:
 * primitives and homogeneous primitive arrays pass; objects (and arrays holding objects or
 * arrays) are flattened into dotted keys as AGL's own emitters do (`key.sub`, `key.0`); mixed
 * or holed arrays become JSON text; NaN/±Infinity and bigints become text; null, undefined,
 * functions and symbols are dropped. Never throws.
 */
export function sanitizeAttribute(
  key: string,
  value: unknown,
  sink: AttributeSink,
  counters: SanitizeCounters,
): void {
  const state: FlattenState = { leaves: 0, path: [], full: false };
  try {
    visit(repairText(key, counters), value, MAX_FLATTEN_DEPTH, sink, counters, state);
  } catch {
    // Exotic objects (revoked proxies, hostile getters) end here: what was written stays.
    counters.attributesDropped++;
  }
}

/**
 * The single attribute value for `value`, without flattening: structures become JSON text.
 * `undefined` when the value carries nothing AGL can hold (null, undefined, function, symbol).
 */
export function coerceAttributeValue(
  value: unknown,
  counters: SanitizeCounters,
): AttributeValue | undefined {
  try {
    const primitive = primitiveValue(value, counters);
    if (primitive !== undefined || isNothing(value)) return primitive;
    if (Array.isArray(value)) {
      const homogeneous = homogeneousArray(value, counters);
      if (homogeneous !== undefined) return homogeneous;
    }
  } catch {
    // Fall through to the JSON text, which cannot throw.
  }
  counters.valuesStringified++;
  return safeJsonStringify(value);
}

function visit(
  key: string,
  value: unknown,
  depth: number,
  sink: AttributeSink,
  counters: SanitizeCounters,
  state: FlattenState,
): void {
  if (state.full) return;
  if (state.leaves >= MAX_LEAVES_PER_VALUE) {
    state.full = true;
    counters.attributesDropped++;
    return;
  }
  const primitive = primitiveValue(value, counters);
  if (primitive !== undefined) {
    emit(key, primitive, sink, counters, state);
    return;
  }
  if (isNothing(value)) {
    counters.attributesDropped++;
    return;
  }
  const object = value as object;
  if (state.path.includes(object)) {
    counters.valuesStringified++;
    emit(key, '[circular]', sink, counters, state);
    return;
  }
  if (object instanceof Set) {
    state.path.push(object);
    visit(key, Array.from(object), depth, sink, counters, state);
    state.path.pop();
    return;
  }
  if (Array.isArray(object)) {
    const homogeneous = homogeneousArray(object, counters);
    if (homogeneous !== undefined) {
      emit(key, homogeneous, sink, counters, state);
      return;
    }
    if (!object.some(isStructured)) {
      counters.valuesStringified++;
      emit(key, safeJsonStringify(object), sink, counters, state);
      return;
    }
  }
  if (depth <= 0) {
    counters.valuesStringified++;
    emit(key, safeJsonStringify(object), sink, counters, state);
    return;
  }
  const entries = structuredEntries(object);
  if (entries === undefined) {
    counters.valuesStringified++;
    emit(key, safeJsonStringify(object), sink, counters, state);
    return;
  }
  if (entries.length === 0) {
    counters.attributesDropped++;
    return;
  }
  if (state.path.length === 0) counters.attributesFlattened++;
  state.path.push(object);
  for (const [subKey, item] of entries) {
    visit(`${key}.${repairText(subKey, counters)}`, item, depth - 1, sink, counters, state);
    if (state.full) break;
  }
  state.path.pop();
}

function emit(
  key: string,
  value: AttributeValue,
  sink: AttributeSink,
  counters: SanitizeCounters,
  state: FlattenState,
): void {
  state.leaves++;
  if (!sink(key, value)) {
    state.full = true;
    counters.attributesDropped++;
  }
}

/** A primitive AGL value for `value`, or undefined when `value` is not a primitive. */
function primitiveValue(value: unknown, counters: SanitizeCounters): AttributeValue | undefined {
  switch (typeof value) {
    case 'string':
      return repairText(value, counters);
    case 'boolean':
      return value;
    case 'number':
      if (value === 0) return 0; // -0 would come back from JSON as 0
      if (Number.isFinite(value)) return value;
      counters.valuesStringified++;
      return String(value);
    case 'bigint':
      counters.valuesStringified++;
      return value.toString();
    default:
      break;
  }
  if (value instanceof Date) {
    counters.valuesStringified++;
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  }
  if (value instanceof Uint8Array) {
    counters.valuesStringified++;
    return bytesToHex(value);
  }
  if (value instanceof Error) {
    counters.valuesStringified++;
    return safeJsonStringify(value);
  }
  return undefined;
}

function isNothing(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'function' ||
    typeof value === 'symbol'
  );
}

function isStructured(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** The array itself (or a repaired copy) when every element is a string, every one a finite
 * number, or every one a boolean; otherwise undefined. Empty arrays pass. */
function homogeneousArray(
  array: readonly unknown[],
  counters: SanitizeCounters,
): AttributeValue | undefined {
  if (array.length === 0) return [];
  const kind = typeof array[0];
  if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') return undefined;
  let hasNegativeZero = false;
  for (let index = 0; index < array.length; index++) {
    const item = array[index];
    if (typeof item !== kind) return undefined;
    if (kind === 'number') {
      if (!Number.isFinite(item)) return undefined;
      if (Object.is(item, -0)) hasNegativeZero = true;
    }
  }
  if (kind === 'number' && hasNegativeZero) return (array as number[]).map((item) => item + 0);
  if (kind !== 'string') return array as number[] | boolean[];
  let repaired: string[] | undefined;
  for (let index = 0; index < array.length; index++) {
    const item = array[index] as string;
    const fixed = repairText(item, counters);
    if (fixed !== item) {
      repaired ??= (array as string[]).slice();
      repaired[index] = fixed;
    }
  }
  return repaired ?? (array as string[]);
}

function structuredEntries(object: object): Array<[string, unknown]> | undefined {
  try {
    if (object instanceof Map) {
      return Array.from(object, ([key, item]): [string, unknown] => [String(key), item]);
    }
    if (ArrayBuffer.isView(object)) return undefined;
    if (Array.isArray(object)) return object.map((item, index) => [String(index), item]);
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return undefined;
    return Object.keys(object).map((key): [string, unknown] => {
      try {
        return [key, (object as Record<string, unknown>)[key]];
      } catch {
        return [key, '[unserializable]'];
      }
    });
  } catch {
    return undefined;
  }
}

function repairText(text: string, counters: SanitizeCounters): string {
  const repaired = toWellFormed(text);
  if (repaired !== text) counters.stringsRepaired++;
  return repaired;
}
