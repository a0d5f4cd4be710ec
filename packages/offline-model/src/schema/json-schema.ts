/**
 * Defensive readers over JSON Schema documents that arrive from the network: any keyword may be
 * missing or of the wrong type, and nothing here throws.
 */

export type SchemaObject = { readonly [keyword: string]: unknown };

export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function readNumber(schema: SchemaObject, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A non-negative whole-number keyword such as minItems or maxLength. */
export function readCount(schema: SchemaObject, keyword: string): number | undefined {
  const value = readNumber(schema, keyword);
  return value !== undefined && value >= 0 ? Math.floor(value) : undefined;
}

export function readString(schema: SchemaObject, keyword: string): string | undefined {
  const value = schema[keyword];
  return typeof value === 'string' ? value : undefined;
}

export function readArray(schema: SchemaObject, keyword: string): readonly unknown[] | undefined {
  const value = schema[keyword];
  return Array.isArray(value) ? value : undefined;
}

export function readRecord(schema: SchemaObject, keyword: string): SchemaObject | undefined {
  const value = schema[keyword];
  return isRecord(value) ? value : undefined;
}

export function readStrings(schema: SchemaObject, keyword: string): string[] {
  return (readArray(schema, keyword) ?? []).filter((item) => typeof item === 'string');
}

/**
 * The JSON types a schema allows, from `type` (a name or a list) and OpenAPI's `nullable`;
 * undefined when the schema does not say.
 */
export function declaredTypes(schema: SchemaObject): string[] | undefined {
  const type = schema.type;
  let types: string[] | undefined;
  if (typeof type === 'string') types = [type];
  else if (Array.isArray(type)) types = type.filter((item) => typeof item === 'string');
  if (types === undefined) return undefined;
  types = types.filter((item) => JSON_TYPES.includes(item));
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

/** The type a schema without `type` evidently means, judged by its other keywords. */
export function impliedType(schema: SchemaObject): string | undefined {
  const has = (...keywords: string[]) => keywords.some((keyword) => keyword in schema);
  if (has('properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties')) {
    return 'object';
  }
  if (has('items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'))
    return 'array';
  if (has('minLength', 'maxLength', 'pattern', 'format')) return 'string';
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) {
    return 'number';
  }
  return undefined;
}

/** The JSON type name of a value ("integer" for whole numbers). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Resolves a local `$ref` ("#", "#/$defs/x", "#/definitions/x", any JSON pointer into the root
 * document). Remote references are not fetched: they resolve to undefined.
 */
export function resolveRef(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const rawPart of ref.slice(2).split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(rawPart).replaceAll('~1', '/').replaceAll('~0', '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isRecord(node) && Object.hasOwn(node, part)) node = node[part];
    else return undefined;
  }
  return node;
}

/**
 * Folds `allOf` branches into their parent: properties and required lists are united, bounds
 * keep the tightest value, other keywords keep the first value seen.
 */
export function mergeAllOf(schema: SchemaObject, resolve: (s: unknown) => unknown): SchemaObject {
  const branches = readArray(schema, 'allOf');
  if (!branches) return schema;
  const { allOf: _ignored, ...rest } = schema;
  let merged: Record<string, unknown> = { ...rest };
  for (const branch of branches) {
    const resolved = resolve(branch);
    if (!isRecord(resolved)) continue;
    merged = mergeTwo(merged, mergeAllOf(resolved, resolve));
  }
  return merged;
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

function mergeTwo(a: Record<string, unknown>, b: SchemaObject): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...a };
  for (const [keyword, value] of Object.entries(b)) {
    const current = merged[keyword];
    if (current === undefined) {
      merged[keyword] = value;
    } else if (keyword === 'properties' && isRecord(current) && isRecord(value)) {
      merged[keyword] = { ...value, ...current };
    } else if (keyword === 'required' && Array.isArray(current) && Array.isArray(value)) {
      merged[keyword] = [...new Set([...current, ...value])];
    } else if (typeof current === 'number' && typeof value === 'number') {
      if (LOWER_BOUNDS.includes(keyword)) merged[keyword] = Math.max(current, value);
      if (UPPER_BOUNDS.includes(keyword)) merged[keyword] = Math.min(current, value);
    }
  }
  return merged;
}
