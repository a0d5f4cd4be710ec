import { invalidRequest } from '../api-error.ts';
import { isRecord } from '../schema/json-schema.ts';

/** Field readers for request bodies: each names the offending parameter when it throws. */

export type Fields = Record<string, unknown>;

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function requireObject(value: unknown, param: string, what = 'an object'): Fields {
  if (!isRecord(value)) {
    throw invalidRequest(
      `'${param}' must be ${what}, got ${describeType(value)}.`,
      param,
      'invalid_type',
    );
  }
  return value;
}

export function optionalString(fields: Fields, key: string, param = key): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw invalidRequest(
      `'${param}' must be a string, got ${describeType(value)}.`,
      param,
      'invalid_type',
    );
  }
  return value;
}

export function requireString(fields: Fields, key: string, param = key): string {
  const value = optionalString(fields, key, param);
  if (value === undefined) {
    throw invalidRequest(
      `Missing required parameter: '${param}'.`,
      param,
      'missing_required_parameter',
    );
  }
  return value;
}

export function optionalBoolean(fields: Fields, key: string, param = key): boolean | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw invalidRequest(
      `'${param}' must be true or false, got ${describeType(value)}.`,
      param,
      'invalid_type',
    );
  }
  return value;
}

export function optionalArray(
  fields: Fields,
  key: string,
  param = key,
): readonly unknown[] | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw invalidRequest(
      `'${param}' must be an array, got ${describeType(value)}.`,
      param,
      'invalid_type',
    );
  }
  return value;
}

export function optionalObject(fields: Fields, key: string, param = key): Fields | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  return requireObject(value, param);
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], param: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    const list = allowed.map((item) => `'${item}'`).join(', ');
    throw invalidRequest(
      `Invalid value for '${param}': '${value}'. Supported values are: ${list}.`,
      param,
    );
  }
  return value as T;
}
