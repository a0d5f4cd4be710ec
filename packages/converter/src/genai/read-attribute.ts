import type { Attributes } from '@opentelemetry/api';

/** The value at `key` when it is a non-empty string. */
export function readString(attributes: Attributes, key: string): string | undefined {
  const value = attributes[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The value at `key` when it is a finite number. */
export function readNumber(attributes: Attributes, key: string): number | undefined {
  const value = attributes[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The value at `key` parsed as JSON when it is a string; arrays are returned as they are. */
export function readJson(attributes: Attributes, key: string): unknown {
  const value = attributes[key];
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  return parseJson(value);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON text for a structured value; strings are kept as they are. */
export function asJsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}
