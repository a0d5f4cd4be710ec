import { hashToIndex, hashToUnit, stableHash } from '../hash.ts';
import {
  declaredTypes,
  impliedType,
  isRecord,
  mergeAllOf,
  readArray,
  readCount,
  readNumber,
  readRecord,
  readString,
  readStrings,
  resolveRef,
  type SchemaObject,
} from './json-schema.ts';
import {
  codePointLength,
  compilePattern,
  isKnownFormat,
  matchesFormat,
  truncateCodePoints,
} from './string-format.ts';
import { deepEqual, exclusiveBound, isValid } from './validate-value.ts';

/** A place in the value being generated, as shown to a {@link ValueSuggester}. */
export interface ValueSlot {
  /** The nearest property name, lower-cased with separators removed ("hash_Tags" → "hashtags"). */
  readonly name: string;
  /** The same name as lower-case words ("postText" → ["post", "text"]). */
  readonly words: readonly string[];
  /** Where the value goes, as a JSON pointer. */
  readonly path: string;
  /** The (resolved) schema the value must satisfy. */
  readonly schema: SchemaObject;
}

/** The interval a number must fall in, after every bound keyword is applied. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/**
 * Where generated values come from. Every method is optional and may decline (return
 * undefined); the generator then falls back to a hash of the seed and the slot's path. Whatever
 * a suggester proposes is fitted to the schema (cut to length, clamped, snapped to multipleOf)
 * or dropped when it cannot fit.
 */
export interface ValueSuggester {
  /** Whole values already known for this slot; the first that validates is used as is. */
  known?(slot: ValueSlot): readonly unknown[];
  enumChoice?(slot: ValueSlot, options: readonly unknown[]): unknown;
  string?(slot: ValueSlot): string | undefined;
  number?(slot: ValueSlot, range: NumberRange): number | undefined;
  boolean?(slot: ValueSlot): boolean | undefined;
  /** Elements for an array slot, in order. */
  list?(slot: ValueSlot): readonly unknown[] | undefined;
}

export interface GenerateOptions {
  /** Varies the hash-derived fallbacks; the same seed always gives the same value. */
  readonly seed?: string;
  readonly suggester?: ValueSuggester;
}

/** Hard caps that keep hostile schemas (minItems: 1e9, endless $ref chains) cheap. */
export const GENERATION_LIMITS = {
  depth: 24,
  referenceHops: 64,
  items: 100,
  stringLength: 10_000,
  /** From this depth on, only required properties and minItems elements are generated. */
  optionalPropertiesDepth: 6,
  /** Array length when neither the schema nor a suggester says. */
  defaultItems: 1,
  /** Longest array a suggester's list may produce when maxItems is absent. */
  suggestedItems: 8,
} as const;

/**
 * Generates a JSON value that satisfies `schema` (a JSON Schema, draft 4 to 2020-12 keywords that
 * structured outputs and tool parameters use). Values come from the suggester where it has
 * something that fits, otherwise from a hash of the seed: the result is a pure function of
 * (schema, seed, suggester). Unsatisfiable schemas get a best effort, never an exception.
 */
export function generateValue(schema: unknown, options: GenerateOptions = {}): unknown {
  const generator = new Generator(schema, options.seed ?? '', options.suggester ?? {});
  return generator.value(schema, { name: '', path: '', depth: 0, hops: 0, fresh: false });
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Splits camelCase, snake_case and kebab-case names into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

interface Slot {
  /** The nearest property name as written in the schema. */
  readonly name: string;
  readonly path: string;
  readonly depth: number;
  readonly hops: number;
  /** A value the parent proposes for this position (an element of a suggested list). */
  readonly suggestion?: unknown;
  /** Skip the suggester: used to find a different value for uniqueItems. */
  readonly fresh: boolean;
}

const FALLBACK_WORDS = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor'];

class Generator {
  readonly #root: unknown;
  readonly #seed: string;
  readonly #suggester: ValueSuggester;

  constructor(root: unknown, seed: string, suggester: ValueSuggester) {
    this.#root = root;
    this.#seed = seed;
    this.#suggester = suggester;
  }

  value(schema: unknown, slot: Slot): unknown {
    if (slot.depth > GENERATION_LIMITS.depth || slot.hops > GENERATION_LIMITS.referenceHops) {
      return null;
    }
    if (schema === false) return null;
    if (!isRecord(schema)) return this.#anything(slot);

    const ref = readString(schema, '$ref');
    if (ref !== undefined) {
      const { $ref: _ref, ...siblings } = schema;
      const target = resolveRef(this.#root, ref);
      const combined =
        Object.keys(siblings).length === 0 ? target : { ...siblings, allOf: [target] };
      return this.value(combined ?? {}, { ...slot, hops: slot.hops + 1 });
    }
    const merged = mergeAllOf(schema, (branch) => this.#resolveShallow(branch));
    const info = slotInfo(slot, merged);

    if (!slot.fresh) {
      for (const candidate of this.#suggester.known?.(info) ?? []) {
        if (isValid(merged, candidate, this.#root)) return candidate;
      }
    }
    if ('const' in merged) return merged.const;
    const options = readArray(merged, 'enum');
    if (options && options.length > 0) return this.#enumValue(options, info, slot);

    for (const combinator of ['anyOf', 'oneOf'] as const) {
      const branches = readArray(merged, combinator);
      if (branches && branches.length > 0)
        return this.#alternative(merged, combinator, branches, slot);
    }

    const types = declaredTypes(merged);
    const type = types ? (types.find((t) => t !== 'null') ?? types[0]) : impliedType(merged);
    switch (type) {
      case undefined:
        return this.#anything(slot);
      case 'string':
        return this.#string(merged, slot, info);
      case 'number':
      case 'integer':
        return this.#number(merged, slot, info, type === 'integer');
      case 'boolean':
        return this.#boolean(slot, info);
      case 'array':
        return this.#array(merged, slot, info);
      case 'object':
        return this.#object(merged, slot);
      default:
        return null;
    }
  }

  #resolveShallow(schema: unknown): unknown {
    let current = schema;
    for (let hop = 0; hop < 8 && isRecord(current); hop++) {
      const ref = readString(current, '$ref');
      if (ref === undefined) return current;
      const { $ref: _ref, ...siblings } = current;
      const target = resolveRef(this.#root, ref);
      current = isRecord(target) ? { ...target, ...siblings } : target;
    }
    return current;
  }

  #hash(slot: Slot, salt = ''): string {
    return `${this.#seed}|${slot.path}|${salt}`;
  }

  #anything(slot: Slot): unknown {
    if (slot.suggestion !== undefined) return slot.suggestion;
    const info = slotInfo(slot, {});
    return (slot.fresh ? undefined : this.#suggester.string?.(info)) ?? this.#fallbackWord(slot);
  }

  #fallbackWord(slot: Slot): string {
    const word = FALLBACK_WORDS[hashToIndex(this.#hash(slot, 'word'), FALLBACK_WORDS.length)];
    return `${word}-${stableHash(this.#hash(slot), 4)}`;
  }

  #enumValue(options: readonly unknown[], info: ValueSlot, slot: Slot): unknown {
    const fits = (value: unknown) => options.some((option) => deepEqual(option, value));
    if (slot.suggestion !== undefined && fits(slot.suggestion)) return slot.suggestion;
    if (!slot.fresh) {
      const choice = this.#suggester.enumChoice?.(info, options);
      if (choice !== undefined && fits(choice)) return choice;
    }
    return options[hashToIndex(this.#hash(slot, 'enum'), options.length)];
  }

  /** anyOf/oneOf: the first branch (non-null branches first) whose value satisfies the whole. */
  #alternative(
    schema: SchemaObject,
    combinator: 'anyOf' | 'oneOf',
    branches: readonly unknown[],
    slot: Slot,
  ): unknown {
    const { [combinator]: _branches, ...rest } = schema;
    const isNullOnly = (branch: unknown) => {
      const resolved = this.#resolveShallow(branch);
      return isRecord(resolved) && (resolved.type === 'null' || deepEqual(resolved.type, ['null']));
    };
    const ordered = [...branches.filter((b) => !isNullOnly(b)), ...branches.filter(isNullOnly)];
    let first: unknown;
    for (const [index, branch] of ordered.entries()) {
      const combined = Object.keys(rest).length === 0 ? branch : { ...rest, allOf: [branch] };
      const candidate = this.value(combined, { ...slot, hops: slot.hops + 1 });
      if (index === 0) first = candidate;
      if (isValid(schema, candidate, this.#root)) return candidate;
    }
    return first;
  }

  #string(schema: SchemaObject, slot: Slot, info: ValueSlot): string {
    const minLength = Math.min(readCount(schema, 'minLength') ?? 0, GENERATION_LIMITS.stringLength);
    const maxLength = Math.min(
      readCount(schema, 'maxLength') ?? GENERATION_LIMITS.stringLength,
      GENERATION_LIMITS.stringLength,
    );
    const format = readString(schema, 'format');
    const pattern = readString(schema, 'pattern');
    const regex = pattern === undefined ? null : compilePattern(pattern);

    const candidates: string[] = [];
    if (typeof slot.suggestion === 'string') candidates.push(slot.suggestion);
    const suggested = slot.fresh ? undefined : this.#suggester.string?.(info);
    if (suggested !== undefined) candidates.push(suggested);
    if (format !== undefined && isKnownFormat(format)) candidates.push(formatExample(format, slot));
    candidates.push(this.#fallbackWord(slot));
    if (regex) candidates.push(...patternProbes(slot));

    let firstFitted: string | undefined;
    for (const candidate of candidates) {
      const fitted = fitLength(candidate, minLength, maxLength);
      firstFitted ??= fitted;
      if (format !== undefined && !matchesFormat(format, fitted)) continue;
      if (regex && !regex.test(fitted)) continue;
      return fitted;
    }
    return firstFitted ?? '';
  }

  #number(schema: SchemaObject, slot: Slot, info: ValueSlot, integer: boolean): number {
    const range = numberRange(schema, integer);
    const multipleOf = readNumber(schema, 'multipleOf');
    const step = multipleOf !== undefined && multipleOf > 0 ? multipleOf : undefined;
    const fit = (value: number) => snap(clamp(value, range), range, step);

    const candidates: number[] = [];
    if (typeof slot.suggestion === 'number') candidates.push(slot.suggestion);
    const suggested = slot.fresh ? undefined : this.#suggester.number?.(info, range);
    if (suggested !== undefined) candidates.push(suggested);
    for (const candidate of candidates) {
      if (!Number.isFinite(candidate)) continue;
      const fitted = fit(candidate);
      if (fitted === (integer ? Math.round(candidate) : candidate)) return fitted;
    }
    const first = candidates.find(Number.isFinite);
    if (first !== undefined) return fit(first);
    return fit(hashedNumber(range, hashToUnit(this.#hash(slot, 'number'))));
  }

  #boolean(slot: Slot, info: ValueSlot): boolean {
    if (typeof slot.suggestion === 'boolean') return slot.suggestion;
    const suggested = slot.fresh ? undefined : this.#suggester.boolean?.(info);
    return suggested ?? hashToIndex(this.#hash(slot, 'boolean'), 2) === 1;
  }

  #array(schema: SchemaObject, slot: Slot, info: ValueSlot): unknown[] {
    const minItems = Math.min(readCount(schema, 'minItems') ?? 0, GENERATION_LIMITS.items);
    const maxItems = Math.max(
      minItems,
      Math.min(readCount(schema, 'maxItems') ?? GENERATION_LIMITS.items, GENERATION_LIMITS.items),
    );
    const prefix = readArray(schema, 'prefixItems') ?? readArray(schema, 'items');
    const rest = prefix
      ? schema.prefixItems
        ? schema.items
        : schema.additionalItems
      : schema.items;
    const restAllowed = rest !== false;

    const suggestions = Array.isArray(slot.suggestion)
      ? slot.suggestion
      : slot.fresh
        ? undefined
        : this.#suggester.list?.(info);
    const shallow = slot.depth < GENERATION_LIMITS.optionalPropertiesDepth;
    let count = suggestions
      ? Math.min(suggestions.length, GENERATION_LIMITS.suggestedItems)
      : shallow
        ? Math.max(GENERATION_LIMITS.defaultItems, prefix?.length ?? 0)
        : 0;
    count = Math.min(Math.max(count, minItems), maxItems);
    if (!restAllowed && prefix) count = Math.min(count, prefix.length);

    const unique = schema.uniqueItems === true;
    const seen = new Set<string>();
    const items: unknown[] = [];
    for (let index = 0; index < count; index++) {
      const itemSchema = prefix && index < prefix.length ? prefix[index] : rest;
      const base: Slot = {
        name: slot.name,
        path: `${slot.path}/${index}`,
        depth: slot.depth + 1,
        hops: slot.hops,
        fresh: slot.fresh,
        ...(suggestions && index < suggestions.length ? { suggestion: suggestions[index] } : {}),
      };
      let item = this.value(itemSchema, base);
      for (let retry = 1; unique && seen.has(canonical(item)) && retry <= 8; retry++) {
        item = this.value(itemSchema, {
          name: slot.name,
          path: `${base.path}~${retry}`,
          depth: base.depth,
          hops: base.hops,
          fresh: true,
        });
      }
      seen.add(canonical(item));
      items.push(item);
    }
    return items;
  }

  #object(schema: SchemaObject, slot: Slot): Record<string, unknown> {
    const properties = readRecord(schema, 'properties') ?? {};
    const required = readStrings(schema, 'required');
    const includeOptional = slot.depth < GENERATION_LIMITS.optionalPropertiesDepth;
    let keys = [
      ...required,
      ...Object.keys(properties).filter((key) => includeOptional && !required.includes(key)),
    ].filter((key, index, all) => all.indexOf(key) === index);
    const maxProperties = readCount(schema, 'maxProperties');
    if (maxProperties !== undefined && keys.length > maxProperties) {
      keys = keys.slice(0, Math.max(maxProperties, required.length));
    }
    const additional = schema.additionalProperties;
    const minProperties = Math.min(
      readCount(schema, 'minProperties') ?? 0,
      GENERATION_LIMITS.items,
    );
    for (let extra = 1; keys.length < minProperties && additional !== false; extra++) {
      const key = `${normalizeName(slot.name) || 'field'}_${extra}`;
      if (!keys.includes(key)) keys.push(key);
    }

    const result: Record<string, unknown> = {};
    for (const key of keys) {
      const propertySchema = Object.hasOwn(properties, key)
        ? properties[key]
        : this.#undeclaredPropertySchema(schema, key);
      const value = this.value(propertySchema, {
        name: key,
        path: `${slot.path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        depth: slot.depth + 1,
        hops: slot.hops,
        fresh: slot.fresh,
      });
      // Defined, not assigned: a property named `__proto__` must become an own property.
      Object.defineProperty(result, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }

  #undeclaredPropertySchema(schema: SchemaObject, key: string): unknown {
    for (const [pattern, patternSchema] of Object.entries(
      readRecord(schema, 'patternProperties') ?? {},
    )) {
      if (compilePattern(pattern)?.test(key)) return patternSchema;
    }
    return isRecord(schema.additionalProperties) ? schema.additionalProperties : {};
  }
}

function slotInfo(slot: Slot, schema: SchemaObject): ValueSlot {
  return { name: normalizeName(slot.name), words: nameWords(slot.name), path: slot.path, schema };
}

function canonical(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function fitLength(text: string, minLength: number, maxLength: number): string {
  let fitted = truncateCodePoints(text, maxLength);
  if (codePointLength(fitted) < minLength) {
    const filler = text.trim() === '' ? 'x' : text;
    while (codePointLength(fitted) < minLength)
      fitted = fitted === '' ? filler : `${fitted} ${filler}`;
    fitted = truncateCodePoints(fitted, minLength);
  }
  return fitted;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2025-01-01T12:00:00Z',
  date: '2025-01-01',
  time: '12:00:00Z',
  email: 'offline@example.com',
  ipv4: '127.0.0.1',
  hostname: 'example.com',
};

function formatExample(format: string, slot: Slot): string {
  if (format === 'uri' || format === 'url') {
    return `https://example.com/${normalizeName(slot.name) || 'item'}`;
  }
  if (format === 'uuid') {
    const hex = stableHash(`uuid|${slot.path}`, 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
  return FORMAT_EXAMPLES[format] ?? '';
}

/** Simple shapes tried when a `pattern` rejects everything else. */
function patternProbes(slot: Slot): string[] {
  const hex = stableHash(slot.path, 8);
  return [hex, hex.replace(/[a-f]/g, '7'), hex.toUpperCase(), 'a', 'A', '0', 'aaa', 'AAA', '000'];
}

function numberRange(schema: SchemaObject, integer: boolean): NumberRange {
  const minimum = readNumber(schema, 'minimum');
  const maximum = readNumber(schema, 'maximum');
  const exclusiveMin = exclusiveBound(schema, 'exclusiveMinimum', minimum);
  const exclusiveMax = exclusiveBound(schema, 'exclusiveMaximum', maximum);
  let min = Math.max(minimum ?? -Infinity, exclusiveMin ?? -Infinity);
  let max = Math.min(maximum ?? Infinity, exclusiveMax ?? Infinity);
  const openMin = exclusiveMin !== undefined && exclusiveMin >= (minimum ?? -Infinity);
  const openMax = exclusiveMax !== undefined && exclusiveMax <= (maximum ?? Infinity);
  if (integer) {
    min = openMin ? Math.floor(min) + 1 : Math.ceil(min);
    max = openMax ? Math.ceil(max) - 1 : Math.floor(max);
  } else {
    const width = Number.isFinite(max - min) ? max - min : 2;
    const inset = Math.min(1, width / 4);
    if (openMin) min += inset;
    if (openMax) max -= inset;
  }
  return { min, max, integer };
}

function clamp(value: number, range: NumberRange): number {
  const rounded = range.integer ? Math.round(value) : value;
  return Math.min(Math.max(rounded, range.min), range.max);
}

function snap(value: number, range: NumberRange, step: number | undefined): number {
  if (step === undefined) return value;
  const lowest = Math.ceil(range.min / step);
  const highest = Math.floor(range.max / step);
  const k = Math.min(Math.max(Math.round(value / step), lowest), highest);
  return Number((k * step).toPrecision(12));
}

function hashedNumber(range: NumberRange, unit: number): number {
  const { min, max } = range;
  if (Number.isFinite(min) && Number.isFinite(max)) return min + unit * (max - min);
  if (Number.isFinite(min)) return min + unit * 100;
  if (Number.isFinite(max)) return max - unit * 100;
  return unit * 100;
}
