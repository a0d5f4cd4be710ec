// Turns the errors of a generated schema check into problems: `"<field path>: <what is wrong>"`.
import { describe, isRecord, pointerPath, propertyPath, show } from './describe-value.ts';

export type Problems = string[];

/** The parts of an Ajv error object (generated with `verbose`) that messages are made of. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: Record<string, unknown>;
}

export interface SchemaCheck {
  (value: unknown): boolean;
  errors?: SchemaError[] | null;
}

const ARTICLE_TYPES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function anyOfWords(words: string[]): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function typeWords(type: unknown): string[] {
  const types = Array.isArray(type) ? type : [type];
  const kept = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
  return kept.map((t) => ARTICLE_TYPES[String(t)] ?? String(t));
}

/** What one alternative of an `anyOf` accepts, e.g. `one of a, b`. */
function alternative(schema: unknown): string {
  if (!isRecord(schema)) return 'anything';
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(', ')}`;
  if (schema.type === 'array' && isRecord(schema.items)) {
    return `an array whose items are each ${alternative(schema.items)}`;
  }
  return anyOfWords(typeWords(schema.type));
}

/** Plain types, then arrays: `a string or a number, or an array of one of those types only`. */
function alternatives(schemas: unknown): string {
  const branches = Array.isArray(schemas) ? schemas : [];
  const isArrayBranch = (branch: unknown) => isRecord(branch) && branch.type === 'array';
  const scalars = branches.filter((branch) => !isArrayBranch(branch));
  const itemTypes = branches
    .filter(isArrayBranch)
    .map((branch) => (isRecord(branch.items) ? branch.items : {}));
  const scalarWords = [...new Set(scalars.map(alternative))].filter(
    (word) => !(word === 'an integer' && scalars.some((s) => alternative(s) === 'a number')),
  );
  const itemWords = new Set(itemTypes.map(alternative));
  const sameTypes =
    itemTypes.length > 0 &&
    [...itemWords].every((word) => word === 'an integer' || scalarWords.includes(word));
  if (sameTypes) return `${anyOfWords(scalarWords)}, or an array of one of those types only`;
  return anyOfWords([...new Set(branches.map(alternative))]);
}

function acceptsNull(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  if (schema.type === undefined) return !Array.isArray(schema.enum) || schema.enum.includes(null);
  return Array.isArray(schema.type) ? schema.type.includes('null') : schema.type === 'null';
}

function propertyNames(schema: Record<string, unknown> | undefined): string {
  return Object.keys(isRecord(schema?.properties) ? schema.properties : {}).join(', ');
}

function discriminatorValues(schema: Record<string, unknown> | undefined, tag: string): string {
  const branches = Array.isArray(schema?.oneOf) ? schema.oneOf : [];
  return branches
    .map((branch) =>
      isRecord(branch) && isRecord(branch.properties) ? branch.properties[tag] : {},
    )
    .map((property) => (isRecord(property) ? String(property.const) : '?'))
    .join(', ');
}

/** NaN and the infinities are numbers to JavaScript but cannot be sent as JSON. */
function got(data: unknown, describeData: (value: unknown) => string): string {
  const finite =
    typeof data === 'number' && !Number.isFinite(data) ? ' (numbers must be finite)' : '';
  return `got ${describeData(data)}${finite}`;
}

/** One problem: where it is (below `at`) and what is wrong. */
function problem(error: SchemaError, at: string): string {
  const { params, data, parentSchema } = error;
  switch (error.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      const property = isRecord(parentSchema?.properties) ? parentSchema.properties[key] : {};
      const hint = acceptsNull(property) ? '; send null when there is no value' : '';
      return `${at}${propertyPath(key)}: missing${hint}`;
    }
    case 'additionalProperties':
      return `${at}${propertyPath(String(params.additionalProperty))}: unknown key; use ${propertyNames(parentSchema)}`;
    case 'discriminator': {
      const tag = String(params.tag);
      return `${at}${propertyPath(tag)}: must be one of ${discriminatorValues(parentSchema, tag)}; got ${show(params.tagValue)}`;
    }
    case 'type':
      return `${at}: must be ${anyOfWords(typeWords(String(params.type).split(',')))}, ${got(data, describe)}`;
    case 'enum':
      return `${at}: must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}; got ${show(data)}`;
    case 'const':
      return `${at}: must be ${show(params.allowedValue)}; got ${show(data)}`;
    case 'minimum':
    case 'maximum':
      return `${at}: must be ${String(params.comparison)} ${String(params.limit)}, got ${show(data)}`;
    case 'anyOf':
      return `${at}: must be ${alternatives(parentSchema?.anyOf)}; ${got(data, show)}`;
    default:
      return `${at}: ${error.message ?? `fails the "${error.keyword}" rule`}`;
  }
}

function dropEarlier(errors: SchemaError[], drop: (error: SchemaError) => boolean): void {
  for (let index = errors.length - 1; index >= 0; index--) {
    const error = errors[index];
    if (error && drop(error)) errors.splice(index, 1);
  }
}

/**
 * Runs a generated check. An `anyOf` that fails reports once at its own place: the errors of
 * its alternatives (all at or below that place) are dropped. So is a type error next to an enum.
 */
export function schemaProblems(check: SchemaCheck, value: unknown, root: string): Problems {
  if (check(value)) return [];
  const kept: SchemaError[] = [];
  for (const error of check.errors ?? []) {
    const at = error.instancePath;
    if (error.keyword === 'anyOf') {
      dropEarlier(
        kept,
        (other) => other.instancePath === at || other.instancePath.startsWith(`${at}/`),
      );
    } else if (error.keyword === 'enum' || error.keyword === 'const') {
      // The list of allowed values says more than the type they share.
      dropEarlier(kept, (other) => other.instancePath === at && other.keyword === 'type');
    }
    kept.push(error);
  }
  return kept.map((error) => problem(error, `${root}${pointerPath(error.instancePath)}`));
}
