// Compares our hand-written OpenAPI document with the one a live server publishes.
//
// Both sides are normalised first ($refs resolved, annotations dropped, `anyOf [X, null]` turned
// into a nullable X, `const` into a one-value enum). Then every path, method, parameter, request
// body and JSON response is compared: property names, required-ness, types, enums, defaults,
// nullability. The result is a list of readable lines, empty when the documents agree.
//
// Differences that are allowed on purpose:
// - the server publishes a node without a type (`{}`, or an object with only
//   `additionalProperties: true`): ours may describe it precisely;
// - in responses ours may require more keys (FastAPI serialises every field, defaults included);
// - ours may declare a default the server leaves unpublished (pydantic omits None / factory
//   defaults), and error responses the server does not list;
// - at a node marked `x-agl-narrowed`, ours may be stricter: fewer enum values or union
//   branches, not nullable, more required keys; the properties of a marked object may be not
//   nullable; a marked operation may leave out status codes the server never sends.
// The server's `PydanticUnset` marker (no wire form) is ignored.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

type Direction = 'request' | 'response';

interface Schema {
  any: boolean;
  types: string[];
  nullable: boolean;
  enum?: Json[];
  default?: Json;
  hasDefault: boolean;
  minimum?: number;
  properties?: Record<string, Schema>;
  required: string[];
  additional: 'none' | 'any' | Schema;
  items?: Schema;
  union?: Schema[];
  narrowed: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const IGNORED_REF = '#/components/schemas/PydanticUnset';
const MAX_DEPTH = 64;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolvePointer(root: unknown, ref: string): JsonObject {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = isObject(node) ? node[key] : undefined;
  }
  if (!isObject(node)) throw new Error(`unresolvable $ref ${ref}`);
  return node;
}

/** Follows `$ref` chains, letting sibling keywords (3.1) override the target's. */
function deref(root: unknown, node: JsonObject, depth = 0): JsonObject {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  if (depth > MAX_DEPTH) throw new Error(`$ref cycle at ${ref}`);
  const { $ref: _ignored, ...siblings } = node;
  return { ...deref(root, resolvePointer(root, ref), depth + 1), ...siblings };
}

function isNullSchema(node: JsonObject): boolean {
  return node.type === 'null';
}

function normalise(root: unknown, input: unknown, depth = 0): Schema {
  if (depth > MAX_DEPTH) throw new Error('schema nested too deeply (cycle?)');
  const raw = isObject(input) ? input : {};
  const node = deref(root, raw);
  const narrowed = 'x-agl-narrowed' in node || 'x-agl-narrowed' in raw;
  const result: Schema = {
    any: false,
    types: [],
    nullable: false,
    hasDefault: 'default' in node,
    required: Array.isArray(node.required) ? (node.required as string[]) : [],
    additional: 'none',
    narrowed,
  };
  if ('default' in node) result.default = node.default ?? null;

  const branches = [
    ...(Array.isArray(node.anyOf) ? node.anyOf : []),
    ...(Array.isArray(node.oneOf) ? node.oneOf : []),
    ...(Array.isArray(node.allOf) && node.allOf.length === 1 ? node.allOf : []),
  ].filter((branch) => !(isObject(branch) && branch.$ref === IGNORED_REF));
  if (branches.length > 0) {
    const kept: Schema[] = [];
    for (const branch of branches) {
      const derefd = isObject(branch) ? deref(root, branch) : {};
      if (isNullSchema(derefd)) {
        result.nullable = true;
        continue;
      }
      const inner = normalise(root, branch, depth + 1);
      if (inner.nullable) result.nullable = true;
      if (inner.union) kept.push(...inner.union);
      else kept.push(inner);
    }
    const rest = { ...node };
    delete rest.anyOf;
    delete rest.oneOf;
    delete rest.allOf;
    const own = hasStructure(rest) ? normalise(root, rest, depth + 1) : undefined;
    if (kept.length === 1 && !own) {
      const only = kept[0] as Schema;
      return {
        ...only,
        nullable: result.nullable || only.nullable,
        narrowed: narrowed || only.narrowed,
        ...(result.hasDefault ? { hasDefault: true, default: result.default ?? null } : {}),
      };
    }
    if (kept.length === 0 && !own) return { ...result, any: true };
    result.union = own ? [own, ...kept] : kept;
    return result;
  }

  const typeField = node.type;
  const types = Array.isArray(typeField)
    ? (typeField as string[])
    : typeof typeField === 'string'
      ? [typeField]
      : [];
  if (types.includes('null')) result.nullable = true;
  result.types = types.filter((type) => type !== 'null').sort();
  if ('const' in node) result.enum = [node.const ?? null];
  else if (Array.isArray(node.enum)) result.enum = node.enum;
  if (typeof node.minimum === 'number') result.minimum = node.minimum;
  if (result.enum && result.types.length === 0) result.types = [typeof result.enum[0]];

  if (isObject(node.properties)) {
    result.properties = {};
    for (const [name, property] of Object.entries(node.properties)) {
      result.properties[name] = normalise(root, property, depth + 1);
    }
  }
  if (node.additionalProperties === true || isEmptySchema(node.additionalProperties)) {
    result.additional = 'any';
  } else if (isObject(node.additionalProperties)) {
    result.additional = normalise(root, node.additionalProperties, depth + 1);
  }
  if (node.items !== undefined) result.items = normalise(root, node.items, depth + 1);

  result.any =
    result.types.length === 0 &&
    !result.enum &&
    !result.properties &&
    result.additional === 'none' &&
    !result.items;
  return result;
}

const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  'example',
  'discriminator',
  'default',
  'x-agl-narrowed',
  'contentMediaType',
]);

function hasStructure(node: JsonObject): boolean {
  return Object.keys(node).some((key) => !ANNOTATIONS.has(key));
}

function isEmptySchema(value: unknown): boolean {
  return isObject(value) && !hasStructure(value);
}

/** Untyped on the server side: anything we say about it is a refinement. */
function isOpen(schema: Schema): boolean {
  if (schema.any) return true;
  return (
    schema.types.length === 1 &&
    schema.types[0] === 'object' &&
    !schema.properties &&
    schema.additional === 'any'
  );
}

function describe(schema: Schema): string {
  if (schema.any) return 'any value';
  if (schema.union) return `one of (${schema.union.map(describe).join(' | ')})`;
  let text = schema.types.join('|') || 'untyped';
  if (schema.properties) text += ` {${Object.keys(schema.properties).join(', ')}}`;
  if (schema.enum) text += ` ${JSON.stringify(schema.enum)}`;
  if (schema.types.includes('array') && schema.items) text = `array of ${describe(schema.items)}`;
  return schema.nullable ? `${text} or null` : text;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Context {
  direction: Direction;
  /** This node may be stricter than the server's (it or its union carries `x-agl-narrowed`). */
  narrowed: boolean;
  /** This node may drop the server's nullability (its parent object carries `x-agl-narrowed`). */
  nullOnly: boolean;
}

function compareSchemas(
  ours: Schema,
  theirs: Schema,
  where: string,
  context: Context,
  diffs: string[],
): void {
  const narrowed = context.narrowed || ours.narrowed;
  const nullable = narrowed || context.nullOnly;
  const here: Context = { ...context, narrowed, nullOnly: nullable };
  const child: Context = { ...context, narrowed: false, nullOnly: false };
  if (theirs.hasDefault && !(ours.hasDefault && sameJson(ours.default, theirs.default))) {
    diffs.push(
      `${where}: default differs — ours ${ours.hasDefault ? JSON.stringify(ours.default) : 'none'}, server ${JSON.stringify(theirs.default)}`,
    );
  }
  if (isOpen(theirs)) return;
  if (ours.any) {
    diffs.push(`${where}: ours is untyped, server has ${describe(theirs)}`);
    return;
  }
  if (ours.nullable !== theirs.nullable && !(nullable && !ours.nullable)) {
    diffs.push(
      `${where}: nullability differs — ours ${ours.nullable ? 'nullable' : 'not nullable'}, server ${theirs.nullable ? 'nullable' : 'not nullable'}`,
    );
  }
  if (ours.union || theirs.union) {
    compareUnions(ours, theirs, where, here, diffs);
    return;
  }
  if (!sameJson(ours.types, theirs.types)) {
    diffs.push(`${where}: type differs — ours ${describe(ours)}, server ${describe(theirs)}`);
    return;
  }
  if (ours.enum || theirs.enum) {
    const ourValues = (ours.enum ?? []).map((value) => JSON.stringify(value));
    const theirValues = (theirs.enum ?? []).map((value) => JSON.stringify(value));
    const missing = theirValues.filter((value) => !ourValues.includes(value));
    const extra = ourValues.filter((value) => !theirValues.includes(value));
    if (!theirs.enum)
      diffs.push(`${where}: ours restricts to ${ourValues.join(', ')}, server does not`);
    else if (!ours.enum)
      diffs.push(`${where}: server restricts to ${theirValues.join(', ')}, ours does not`);
    else {
      if (extra.length > 0) diffs.push(`${where}: enum values only in ours: ${extra.join(', ')}`);
      if (missing.length > 0 && !narrowed) {
        diffs.push(`${where}: enum values only on the server: ${missing.join(', ')}`);
      }
    }
  }
  if (ours.minimum !== theirs.minimum) {
    diffs.push(`${where}: minimum differs — ours ${ours.minimum}, server ${theirs.minimum}`);
  }
  if (ours.properties || theirs.properties) {
    compareProperties(ours, theirs, where, here, diffs);
  }
  compareAdditional(ours, theirs, where, child, diffs);
  if (ours.items || theirs.items) {
    if (!ours.items || !theirs.items) diffs.push(`${where}: array items declared on one side only`);
    else compareSchemas(ours.items, theirs.items, `${where}[]`, child, diffs);
  }
}

function compareProperties(
  ours: Schema,
  theirs: Schema,
  where: string,
  context: Context,
  diffs: string[],
): void {
  const ourProps = ours.properties ?? {};
  const theirProps = theirs.properties ?? {};
  for (const name of Object.keys(theirProps)) {
    if (!(name in ourProps)) diffs.push(`${where}: property "${name}" is missing in ours`);
  }
  for (const name of Object.keys(ourProps)) {
    if (!(name in theirProps))
      diffs.push(`${where}: property "${name}" does not exist on the server`);
  }
  const propertyContext: Context = { ...context, narrowed: false, nullOnly: context.narrowed };
  for (const [name, ourProp] of Object.entries(ourProps)) {
    const theirProp = theirProps[name];
    if (theirProp) compareSchemas(ourProp, theirProp, `${where} › ${name}`, propertyContext, diffs);
  }
  for (const name of theirs.required) {
    if (!ours.required.includes(name)) {
      diffs.push(`${where}: "${name}" is required by the server but optional in ours`);
    }
  }
  const mayRequireMore = context.direction === 'response' || context.narrowed;
  if (!mayRequireMore) {
    for (const name of ours.required) {
      if (!theirs.required.includes(name)) {
        diffs.push(`${where}: "${name}" is required in ours but optional on the server`);
      }
    }
  }
}

function compareAdditional(
  ours: Schema,
  theirs: Schema,
  where: string,
  context: Context,
  diffs: string[],
): void {
  const label = (value: Schema['additional']) =>
    value === 'none' ? 'not declared' : value === 'any' ? 'any' : describe(value);
  if (typeof ours.additional === 'object' && typeof theirs.additional === 'object') {
    compareSchemas(ours.additional, theirs.additional, `${where}{*}`, context, diffs);
  } else if (ours.additional !== theirs.additional) {
    diffs.push(
      `${where}: additionalProperties differs — ours ${label(ours.additional)}, server ${label(theirs.additional)}`,
    );
  }
}

function compareUnions(
  ours: Schema,
  theirs: Schema,
  where: string,
  context: Context,
  diffs: string[],
): void {
  const ourBranches = ours.union ?? [ours];
  const theirBranches = theirs.union ?? [theirs];
  const differences = (a: Schema, b: Schema) => {
    const scratch: string[] = [];
    compareSchemas({ ...a, nullable: b.nullable }, b, where, context, scratch);
    return scratch;
  };
  const usedOurs = new Set<Schema>();
  for (const theirBranch of theirBranches) {
    let best: { branch: Schema; diffs: string[] } | undefined;
    for (const ourBranch of ourBranches) {
      const found = differences(ourBranch, theirBranch);
      if (!best || found.length < best.diffs.length) best = { branch: ourBranch, diffs: found };
    }
    if (best && best.diffs.length === 0) {
      usedOurs.add(best.branch);
    } else if (!context.narrowed) {
      // Report the closest alternative's differences rather than a bare "no match".
      if (best && theirBranches.length <= ourBranches.length) {
        usedOurs.add(best.branch);
        diffs.push(...best.diffs);
      } else {
        diffs.push(`${where}: server alternative ${describe(theirBranch)} has no match in ours`);
      }
    }
  }
  for (const ourBranch of ourBranches) {
    if (usedOurs.has(ourBranch)) continue;
    if (!theirBranches.some((theirBranch) => differences(ourBranch, theirBranch).length === 0)) {
      diffs.push(`${where}: our alternative ${describe(ourBranch)} has no match on the server`);
    }
  }
}

function operations(doc: OpenApiDocument): Map<string, JsonObject> {
  const result = new Map<string, JsonObject>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation)) result.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return result;
}

function parameterMap(root: unknown, operation: JsonObject): Map<string, JsonObject> {
  const result = new Map<string, JsonObject>();
  const list = Array.isArray(operation.parameters) ? operation.parameters : [];
  for (const entry of list) {
    if (!isObject(entry)) continue;
    const parameter = deref(root, entry);
    result.set(`${parameter.in} parameter "${parameter.name}"`, parameter);
  }
  return result;
}

function jsonSchemaOf(root: unknown, container: unknown): unknown {
  if (!isObject(container)) return undefined;
  const resolved = deref(root, container);
  const content = resolved.content;
  if (!isObject(content)) return undefined;
  const json = content['application/json'];
  return isObject(json) ? (json.schema ?? {}) : undefined;
}

function compareOperation(
  name: string,
  ours: JsonObject,
  theirs: JsonObject,
  ourDoc: OpenApiDocument,
  theirDoc: OpenApiDocument,
  diffs: string[],
): void {
  const operationNarrowed = 'x-agl-narrowed' in ours;
  const requestContext: Context = { direction: 'request', narrowed: false, nullOnly: false };
  const responseContext: Context = { direction: 'response', narrowed: false, nullOnly: false };

  const ourParams = parameterMap(ourDoc, ours);
  const theirParams = parameterMap(theirDoc, theirs);
  for (const key of theirParams.keys()) {
    if (!ourParams.has(key)) diffs.push(`${name}: ${key} is missing in ours`);
  }
  for (const [key, ourParam] of ourParams) {
    const theirParam = theirParams.get(key);
    if (!theirParam) {
      diffs.push(`${name}: ${key} does not exist on the server`);
      continue;
    }
    if (Boolean(ourParam.required) !== Boolean(theirParam.required)) {
      diffs.push(
        `${name}: ${key} is ${ourParam.required ? 'required' : 'optional'} in ours but ${theirParam.required ? 'required' : 'optional'} on the server`,
      );
    }
    compareSchemas(
      normalise(ourDoc, ourParam.schema),
      normalise(theirDoc, theirParam.schema),
      `${name} › ${key}`,
      requestContext,
      diffs,
    );
  }

  const ourBody = isObject(ours.requestBody) ? deref(ourDoc, ours.requestBody) : undefined;
  const theirBody = isObject(theirs.requestBody) ? deref(theirDoc, theirs.requestBody) : undefined;
  const ourBodySchema = jsonSchemaOf(ourDoc, ourBody);
  if (theirBody) {
    if (!ourBody) diffs.push(`${name}: request body is missing in ours`);
    else {
      if (Boolean(ourBody.required) !== Boolean(theirBody.required)) {
        diffs.push(
          `${name}: request body is ${ourBody.required ? 'required' : 'optional'} in ours but ${theirBody.required ? 'required' : 'optional'} on the server`,
        );
      }
      const theirBodySchema = jsonSchemaOf(theirDoc, theirBody);
      if (theirBodySchema !== undefined && ourBodySchema === undefined) {
        diffs.push(`${name}: request body is JSON on the server but not in ours`);
      } else if (theirBodySchema !== undefined) {
        compareSchemas(
          normalise(ourDoc, ourBodySchema),
          normalise(theirDoc, theirBodySchema),
          `${name} › request body`,
          requestContext,
          diffs,
        );
      }
    }
  } else if (ourBodySchema !== undefined) {
    diffs.push(`${name}: ours declares a JSON request body, the server takes none`);
  }

  const ourResponses = isObject(ours.responses) ? ours.responses : {};
  const theirResponses = isObject(theirs.responses) ? theirs.responses : {};
  for (const [status, theirResponse] of Object.entries(theirResponses)) {
    const ourResponse = ourResponses[status];
    if (ourResponse === undefined) {
      if (!operationNarrowed) diffs.push(`${name}: response ${status} is missing in ours`);
      continue;
    }
    const theirSchema = jsonSchemaOf(theirDoc, theirResponse);
    if (theirSchema === undefined) continue;
    const ourSchema = jsonSchemaOf(ourDoc, ourResponse);
    const theirNormalised = normalise(theirDoc, theirSchema);
    if (isOpen(theirNormalised)) continue;
    if (ourSchema === undefined) {
      diffs.push(`${name}: response ${status} is JSON on the server but not in ours`);
      continue;
    }
    compareSchemas(
      normalise(ourDoc, ourSchema),
      theirNormalised,
      `${name} › response ${status}`,
      responseContext,
      diffs,
    );
  }
}

/** Every disagreement between our document and the server's, one readable line each. */
export function diffOpenApi(ours: OpenApiDocument, theirs: OpenApiDocument): string[] {
  const diffs: string[] = [];
  const ourOperations = operations(ours);
  const theirOperations = operations(theirs);
  for (const name of ourOperations.keys()) {
    if (!theirOperations.has(name)) diffs.push(`${name}: declared in ours, not served`);
  }
  for (const name of theirOperations.keys()) {
    if (!ourOperations.has(name)) diffs.push(`${name}: served, missing in ours`);
  }
  for (const [name, ourOperation] of ourOperations) {
    const theirOperation = theirOperations.get(name);
    if (theirOperation) compareOperation(name, ourOperation, theirOperation, ours, theirs, diffs);
  }
  // A shared schema that drifts shows up once per place it is used; each place once is enough.
  return [...new Set(diffs)];
}
