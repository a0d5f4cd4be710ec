import {
  declaredTypes,
  isRecord,
  jsonTypeOf,
  readArray,
  readCount,
  readNumber,
  readRecord,
  readString,
  readStrings,
  resolveRef,
  type SchemaObject,
} from './json-schema.ts';
import { codePointLength, compilePattern, matchesFormat } from './string-format.ts';

export interface ValidationIssue {
  /** Where in the value, as a JSON pointer ("" is the value itself). */
  readonly path: string;
  readonly message: string;
}

const MAX_DEPTH = 64;

/**
 * Checks `value` against a JSON Schema (the keywords structured outputs and tool schemas use:
 * type, nullable, enum, const, properties, required, additionalProperties, patternProperties,
 * items, prefixItems, min/maxItems, uniqueItems, min/maxProperties, minimum, maximum,
 * exclusiveMinimum/Maximum, multipleOf, min/maxLength, pattern, format, anyOf, oneOf, allOf, not,
 * local $ref). Returns every issue found; an empty list means valid. `root` is the document
 * local `$ref`s point into, when `schema` is a part of it.
 */
export function validateValue(
  schema: unknown,
  value: unknown,
  root: unknown = schema,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  check(schema, value, '', { root, issues, depth: 0 });
  return issues;
}

export function isValid(schema: unknown, value: unknown, root: unknown = schema): boolean {
  return validateValue(schema, value, root).length === 0;
}

interface CheckState {
  readonly root: unknown;
  readonly issues: ValidationIssue[];
  readonly depth: number;
}

function check(schema: unknown, value: unknown, path: string, state: CheckState): void {
  const report = (message: string): void => {
    state.issues.push({ path, message });
  };
  if (schema === true || schema === undefined) return;
  if (schema === false) {
    report('no value is allowed here');
    return;
  }
  if (!isRecord(schema)) return;
  if (state.depth > MAX_DEPTH) {
    report('schema nests too deeply (reference cycle?)');
    return;
  }
  const deeper: CheckState = { ...state, depth: state.depth + 1 };

  const ref = readString(schema, '$ref');
  if (ref !== undefined) {
    const target = resolveRef(state.root, ref);
    if (target === undefined) report(`cannot resolve $ref "${ref}"`);
    else check(target, value, path, deeper);
  }

  const types = declaredTypes(schema);
  if (types !== undefined && !types.some((type) => hasType(value, type))) {
    report(`expected ${types.join(' or ') || 'no type'}, got ${jsonTypeOf(value)}`);
    return;
  }
  if (schema.nullable === true && value === null) return;

  const options = readArray(schema, 'enum');
  if (options && !options.some((option) => deepEqual(option, value))) {
    report(`expected one of ${JSON.stringify(options)}`);
  }
  if ('const' in schema && !deepEqual(schema.const, value)) {
    report(`expected ${JSON.stringify(schema.const)}`);
  }

  checkCombinators(schema, value, path, deeper);
  if (typeof value === 'string') checkString(schema, value, report);
  if (typeof value === 'number') checkNumber(schema, value, report);
  if (Array.isArray(value)) checkArray(schema, value, path, deeper, report);
  else if (isRecord(value)) checkObject(schema, value, path, deeper, report);
}

function checkCombinators(schema: SchemaObject, value: unknown, path: string, state: CheckState) {
  const matches = (branch: unknown) => {
    const probe: ValidationIssue[] = [];
    check(branch, value, path, { ...state, issues: probe });
    return probe.length === 0;
  };
  for (const branch of readArray(schema, 'allOf') ?? []) check(branch, value, path, state);
  const anyOf = readArray(schema, 'anyOf');
  if (anyOf && !anyOf.some(matches)) {
    state.issues.push({ path, message: 'matches none of the anyOf alternatives' });
  }
  const oneOf = readArray(schema, 'oneOf');
  if (oneOf) {
    const count = oneOf.filter(matches).length;
    if (count !== 1) {
      state.issues.push({ path, message: `matches ${count} of the oneOf alternatives, not 1` });
    }
  }
  if ('not' in schema && matches(schema.not)) {
    state.issues.push({ path, message: 'matches the schema under "not"' });
  }
}

function checkString(schema: SchemaObject, value: string, report: (message: string) => void) {
  const length = codePointLength(value);
  const minLength = readCount(schema, 'minLength');
  const maxLength = readCount(schema, 'maxLength');
  if (minLength !== undefined && length < minLength) report(`shorter than ${minLength} characters`);
  if (maxLength !== undefined && length > maxLength) report(`longer than ${maxLength} characters`);
  const pattern = readString(schema, 'pattern');
  const regex = pattern === undefined ? null : compilePattern(pattern);
  if (regex && !regex.test(value)) report(`does not match pattern ${pattern}`);
  const format = readString(schema, 'format');
  if (format !== undefined && !matchesFormat(format, value)) report(`is not a valid ${format}`);
}

function checkNumber(schema: SchemaObject, value: number, report: (message: string) => void) {
  const minimum = readNumber(schema, 'minimum');
  const maximum = readNumber(schema, 'maximum');
  if (minimum !== undefined && value < minimum) report(`less than minimum ${minimum}`);
  if (maximum !== undefined && value > maximum) report(`greater than maximum ${maximum}`);
  const exclusiveMin = exclusiveBound(schema, 'exclusiveMinimum', minimum);
  const exclusiveMax = exclusiveBound(schema, 'exclusiveMaximum', maximum);
  if (exclusiveMin !== undefined && value <= exclusiveMin) report(`not above ${exclusiveMin}`);
  if (exclusiveMax !== undefined && value >= exclusiveMax) report(`not below ${exclusiveMax}`);
  const multipleOf = readNumber(schema, 'multipleOf');
  if (multipleOf !== undefined && multipleOf > 0 && !isMultiple(value, multipleOf)) {
    report(`not a multiple of ${multipleOf}`);
  }
}

/** Draft 6+ writes the bound itself; draft 4 writes `true` next to minimum/maximum. */
export function exclusiveBound(
  schema: SchemaObject,
  keyword: 'exclusiveMinimum' | 'exclusiveMaximum',
  inclusive: number | undefined,
): number | undefined {
  const value = schema[keyword];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return value === true ? inclusive : undefined;
}

export function isMultiple(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

function checkArray(
  schema: SchemaObject,
  value: unknown[],
  path: string,
  state: CheckState,
  report: (message: string) => void,
) {
  const minItems = readCount(schema, 'minItems');
  const maxItems = readCount(schema, 'maxItems');
  if (minItems !== undefined && value.length < minItems) report(`fewer than ${minItems} items`);
  if (maxItems !== undefined && value.length > maxItems) report(`more than ${maxItems} items`);
  if (schema.uniqueItems === true) {
    const seen = value.map((item) => stableKey(item));
    if (new Set(seen).size !== seen.length) report('items are not unique');
  }
  const tuple = readArray(schema, 'prefixItems') ?? readArray(schema, 'items');
  const rest = tuple ? (schema.prefixItems ? schema.items : schema.additionalItems) : schema.items;
  value.forEach((item, index) => {
    const itemSchema = tuple && index < tuple.length ? tuple[index] : rest;
    check(itemSchema, item, `${path}/${index}`, state);
  });
}

function checkObject(
  schema: SchemaObject,
  value: Record<string, unknown>,
  path: string,
  state: CheckState,
  report: (message: string) => void,
) {
  for (const name of readStrings(schema, 'required')) {
    if (!Object.hasOwn(value, name)) report(`missing required property "${name}"`);
  }
  const keys = Object.keys(value);
  const minProperties = readCount(schema, 'minProperties');
  const maxProperties = readCount(schema, 'maxProperties');
  if (minProperties !== undefined && keys.length < minProperties) {
    report(`fewer than ${minProperties} properties`);
  }
  if (maxProperties !== undefined && keys.length > maxProperties) {
    report(`more than ${maxProperties} properties`);
  }
  const properties = readRecord(schema, 'properties') ?? {};
  const patterns = Object.entries(readRecord(schema, 'patternProperties') ?? {});
  for (const key of keys) {
    const child = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    let known = false;
    if (Object.hasOwn(properties, key)) {
      known = true;
      check(properties[key], value[key], child, state);
    }
    for (const [pattern, patternSchema] of patterns) {
      if (compilePattern(pattern)?.test(key)) {
        known = true;
        check(patternSchema, value[key], child, state);
      }
    }
    if (known) continue;
    if (schema.additionalProperties === false) report(`unexpected property "${key}"`);
    else check(schema.additionalProperties, value[key], child, state);
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableKey(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return stableKey(a) === stableKey(b);
}
