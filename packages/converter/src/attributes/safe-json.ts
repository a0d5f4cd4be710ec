import { setOwn } from './set-own.ts';
import { toWellFormed } from './well-formed-string.ts';

export const CIRCULAR_MARK = '[circular]';
export const DEPTH_MARK = '[depth limit]';
const UNSERIALIZABLE_MARK = '[unserializable]';

/**
 * JSON text for any value, never throwing: NaN and ±Infinity become the strings "NaN",
 * "Infinity" and "-Infinity", bigints their decimal digits, byte arrays lowercase hex, Maps
 * objects, Sets arrays, cycles "[circular]", lone surrogates U+FFFD. Functions, symbols and
 * undefined are left out of objects and become null in arrays, as in JSON.stringify.
 */
export function safeJsonStringify(value: unknown, maxDepth = 32): string {
  try {
    return JSON.stringify(toJsonSafe(value, maxDepth, new Set())) ?? 'null';
  } catch {
    return JSON.stringify(UNSERIALIZABLE_MARK);
  }
}

/** Hex digits of a byte array, lowercase, two per byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function toJsonSafe(value: unknown, depth: number, seen: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
      return toWellFormed(value);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) return CIRCULAR_MARK;
  if (depth <= 0) return DEPTH_MARK;
  seen.add(object);
  try {
    return objectToJsonSafe(object, depth - 1, seen);
  } catch {
    return UNSERIALIZABLE_MARK;
  } finally {
    seen.delete(object);
  }
}

function objectToJsonSafe(object: object, depth: number, seen: Set<object>): unknown {
  if (object instanceof Date) {
    return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  }
  if (object instanceof Uint8Array) return bytesToHex(object);
  if (ArrayBuffer.isView(object)) {
    return Array.from(object as unknown as ArrayLike<unknown>, (item) =>
      toJsonSafe(item, depth, seen),
    );
  }
  if (Array.isArray(object)) {
    return object.map((item) => toJsonSafe(item, depth, seen) ?? null);
  }
  if (object instanceof Map) {
    const entries: Record<string, unknown> = {};
    for (const [key, item] of object)
      setOwn(entries, toWellFormed(String(key)), toJsonSafe(item, depth, seen));
    return entries;
  }
  if (object instanceof Set) {
    return Array.from(object, (item) => toJsonSafe(item, depth, seen) ?? null);
  }
  if (object instanceof Error) {
    return { name: toWellFormed(object.name), message: toWellFormed(object.message) };
  }
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const replacement: unknown = toJSON.call(object);
    if (replacement !== object) return toJsonSafe(replacement, depth, seen);
  }
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    let item: unknown;
    try {
      item = (object as Record<string, unknown>)[key];
    } catch {
      item = UNSERIALIZABLE_MARK;
    }
    const safe = toJsonSafe(item, depth, seen);
    if (safe !== undefined) setOwn(result, toWellFormed(key), safe);
  }
  return result;
}
