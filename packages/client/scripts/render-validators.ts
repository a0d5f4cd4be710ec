// Compiles the request and span schemas of the newest store document into standalone checks
// (plain JavaScript, no runtime dependency) for `src/generated/checks.ts`.
import { Ajv, type AnySchema } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { parse } from 'yaml';

export const CHECKS_DOCUMENT = 'openapi/agl-store-0.3.yaml';

/** Exported check name -> component schema. The 0.3 document is the stricter of the two stores. */
const CHECKED_SCHEMAS = {
  checkSpan: 'Span',
  checkRolloutRequest: 'RolloutRequest',
  checkRolloutPatch: 'UpdateRolloutRequest',
  checkAttemptPatch: 'UpdateAttemptRequest',
  checkNamedResources: 'NamedResources',
} as const;

/** The store ignores unknown keys in these, so a misspelt key would be dropped without a word. */
const CLOSED_SCHEMAS = new Set([
  'UpdateRolloutRequest',
  'UpdateAttemptRequest',
  'RolloutConfigInput',
]);

/** Documentation-only keywords; dropping them keeps the generated code small. */
const ANNOTATIONS = new Set(['description', 'default', 'example', 'title']);

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `anyOf: [S, {type: null}]` becomes S with `null` added to its type (and enum), so a wrong
 * value inside S is reported at its own path instead of as "matches no alternative".
 */
function allowNull(schema: Schema): Schema | null {
  const nullable: Schema = { ...schema };
  if (typeof schema.type === 'string') nullable.type = [schema.type, 'null'];
  else if (!(schema.type === undefined && 'enum' in schema)) return null;
  if (Array.isArray(schema.enum)) nullable.enum = [...schema.enum, null];
  return nullable;
}

function isNullSchema(schema: unknown): boolean {
  return isSchema(schema) && schema.type === 'null' && Object.keys(schema).length === 1;
}

/** Prepares component schemas into `$defs`, one definition per component (and its nullable twin). */
class Definitions {
  readonly defs: Schema = {};
  readonly #components: Schema;

  constructor(components: Schema) {
    this.#components = components;
  }

  /** A `$ref` to the prepared component, adding `null` to what it accepts when asked. */
  ref(name: string, nullable = false): Schema | null {
    const key = nullable ? `${name}OrNull` : name;
    if (!(key in this.defs)) {
      const source = this.#components[name];
      if (!isSchema(source)) throw new Error(`unknown schema reference ${name}`);
      const prepared = this.prepare(source, name) as Schema;
      const schema = nullable ? allowNull(prepared) : prepared;
      if (schema === null) return null;
      this.defs[key] = schema;
    }
    return { $ref: `#/$defs/${key}` };
  }

  /** Drops annotations, closes `CLOSED_SCHEMAS`, merges single-entry `allOf`, folds in nulls. */
  prepare(node: unknown, name?: string): unknown {
    if (Array.isArray(node)) return node.map((item) => this.prepare(item));
    if (!isSchema(node)) return node;
    if (typeof node.$ref === 'string') return this.ref(componentName(node.$ref));
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) {
      if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
      if (key === 'properties' && isSchema(value)) {
        out.properties = Object.fromEntries(
          Object.entries(value).map(([property, schema]) => [property, this.prepare(schema)]),
        );
      } else if (key === 'oneOf' && Array.isArray(value) && isSchema(node.discriminator)) {
        // Inline, so a message can list the tag values the branches accept.
        out.oneOf = value.map((branch) =>
          isSchema(branch) && typeof branch.$ref === 'string'
            ? this.prepare(this.#components[componentName(branch.$ref)])
            : this.prepare(branch),
        );
      } else if (key === 'discriminator' && isSchema(value)) {
        // Ajv finds the branches by their `const`; it rejects `mapping`.
        out.discriminator = { propertyName: value.propertyName };
        out.type = 'object';
      } else {
        out[key] = this.prepare(value);
      }
    }
    if (name !== undefined && CLOSED_SCHEMAS.has(name)) out.additionalProperties = false;
    const allOf = out.allOf;
    if (Array.isArray(allOf) && allOf.length === 1 && isSchema(allOf[0])) {
      delete out.allOf;
      return { ...allOf[0], ...out };
    }
    return this.#foldNull(node, out);
  }

  #foldNull(source: Schema, out: Schema): Schema {
    const anyOf = source.anyOf;
    if (!Array.isArray(anyOf) || anyOf.length !== 2 || !isNullSchema(anyOf[1])) return out;
    const [first] = anyOf;
    const nullable =
      isSchema(first) && typeof first.$ref === 'string'
        ? this.ref(componentName(first.$ref), true)
        : allowNull(this.prepare(first) as Schema);
    if (nullable === null) return out;
    const { anyOf: _replaced, ...rest } = out;
    return { ...nullable, ...rest };
  }
}

function componentName(ref: string): string {
  if (!ref.startsWith('#/components/schemas/')) throw new Error(`unsupported reference ${ref}`);
  return ref.slice('#/components/schemas/'.length);
}

/** The module text: standalone checks for every entry of `CHECKED_SCHEMAS`. */
export function renderChecks(documentText: string): string {
  const components = parse(documentText).components.schemas as Schema;
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strictNumbers: true,
    allowUnionTypes: true,
    discriminator: true,
    inlineRefs: false,
    code: { source: true, esm: true, lines: true },
  });
  const definitions = new Definitions(components);
  const exports: Record<string, string> = {};
  for (const [check, schemaName] of Object.entries(CHECKED_SCHEMAS)) {
    definitions.ref(schemaName);
    exports[check] = `agl-store#/$defs/${schemaName}`;
  }
  ajv.addSchema({ $id: 'agl-store', $defs: definitions.defs } as AnySchema);
  const code = standalone.default(ajv, exports);
  if (/\brequire\(|\bimport\b/.test(code)) {
    throw new Error('generated checks need an Ajv runtime helper; keep them dependency-free');
  }
  // The keys a span is described by; any other top-level key is stored as sent.
  const spanKeys = Object.keys((components.Span as Schema).properties as Schema);
  return `// @ts-nocheck\n${code}\nexport const SPAN_KEYS = ${JSON.stringify(spanKeys)};\n`;
}
