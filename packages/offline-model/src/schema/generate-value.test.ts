import { describe, expect, it } from 'vitest';
import {
  GENERATION_LIMITS,
  generateValue,
  nameWords,
  normalizeName,
  type ValueSuggester,
} from './generate-value.ts';
import { isValid, validateValue } from './validate-value.ts';

/** Generates and asserts the result validates; returns it for further checks. */
function valid(schema: unknown, suggester: ValueSuggester = {}, seed = 's'): unknown {
  const value = generateValue(schema, { seed, suggester });
  expect(validateValue(schema, value), JSON.stringify(value)).toEqual([]);
  return value;
}

describe('generateValue: types and constraints', () => {
  it('produces each basic type', () => {
    expect(typeof valid({ type: 'string' })).toBe('string');
    expect(typeof valid({ type: 'number' })).toBe('number');
    expect(Number.isInteger(valid({ type: 'integer' }))).toBe(true);
    expect(typeof valid({ type: 'boolean' })).toBe('boolean');
    expect(valid({ type: 'null' })).toBeNull();
    expect(Array.isArray(valid({ type: 'array' }))).toBe(true);
    expect(valid({ type: 'object' })).toEqual({});
  });

  it('infers the type from other keywords when `type` is missing', () => {
    expect(typeof valid({ minLength: 3 })).toBe('string');
    expect(typeof valid({ minimum: 3 })).toBe('number');
    expect(Array.isArray(valid({ items: { type: 'string' } }))).toBe(true);
    expect(valid({ properties: { a: { type: 'boolean' } } })).toHaveProperty('a');
  });

  it('honours const and enum', () => {
    expect(valid({ const: { fixed: [1, 2] } })).toEqual({ fixed: [1, 2] });
    expect(['a', 'b', 'c']).toContain(valid({ type: 'string', enum: ['a', 'b', 'c'] }));
  });

  it('picks enum values deterministically but spread over the options', () => {
    const schema = { enum: ['a', 'b', 'c', 'd'] };
    const picks = new Set<unknown>();
    for (let i = 0; i < 40; i++) picks.add(generateValue(schema, { seed: `seed${i}` }));
    expect(picks.size).toBeGreaterThan(2);
    expect(generateValue(schema, { seed: 'x' })).toBe(generateValue(schema, { seed: 'x' }));
  });

  it('honours string length, format and pattern', () => {
    expect((valid({ type: 'string', minLength: 30 }) as string).length).toBe(30);
    valid({ type: 'string', maxLength: 3 }, { string: () => 'a long suggested text' });
    for (const format of [
      'date-time',
      'date',
      'time',
      'email',
      'uri',
      'uuid',
      'ipv4',
      'hostname',
    ]) {
      valid({ type: 'string', format });
    }
    valid({ type: 'string', pattern: '^[0-9a-f]{8}$' });
    valid({ type: 'string', pattern: '^[A-Z]+$' });
    valid({ type: 'string', pattern: '^\\d+$' });
  });

  it('honours numeric bounds, exclusivity and multipleOf', () => {
    for (let i = 0; i < 30; i++) {
      const seed = `n${i}`;
      valid({ type: 'number', minimum: -1, maximum: 1 }, {}, seed);
      valid({ type: 'integer', minimum: 5, maximum: 5 }, {}, seed);
      valid({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 2 }, {}, seed);
      valid({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.001 }, {}, seed);
      valid({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1 }, {}, seed);
      valid({ type: 'integer', minimum: 1, maximum: 100, multipleOf: 7 }, {}, seed);
      valid({ type: 'number', minimum: 0, maximum: 1, multipleOf: 0.25 }, {}, seed);
      valid({ type: 'integer', maximum: -50 }, {}, seed);
    }
  });

  it('honours array counts, tuples and uniqueness', () => {
    expect(valid({ type: 'array', items: { type: 'string' }, minItems: 3 })).toHaveLength(3);
    expect(valid({ type: 'array', items: { type: 'string' }, maxItems: 0 })).toEqual([]);
    const unique = valid({
      type: 'array',
      items: { type: 'string' },
      minItems: 5,
      uniqueItems: true,
    }) as string[];
    expect(new Set(unique).size).toBe(5);
    valid(
      { type: 'array', items: { type: 'string' }, minItems: 3, uniqueItems: true },
      { string: () => 'always the same' },
    );
    expect(
      valid({ prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false }),
    ).toHaveLength(2);
    valid({ items: [{ type: 'string' }], additionalItems: false, minItems: 1 });
  });

  it('honours objects: required, optional, additional and pattern properties, counts', () => {
    const value = valid({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'number' } },
      required: ['a'],
      additionalProperties: false,
    });
    expect(Object.keys(value as object)).toEqual(['a', 'b']);
    expect(
      valid({ type: 'object', required: ['x'], additionalProperties: { type: 'integer' } }),
    ).toEqual({
      x: expect.any(Number),
    });
    expect(
      Object.keys(
        valid({
          type: 'object',
          minProperties: 2,
          additionalProperties: { type: 'string' },
        }) as object,
      ),
    ).toHaveLength(2);
    valid({
      type: 'object',
      required: ['x_1'],
      patternProperties: { '^x_': { type: 'boolean' } },
      additionalProperties: false,
    });
    const limited = valid({
      type: 'object',
      properties: { a: {}, b: {}, c: {} },
      required: ['c'],
      maxProperties: 1,
    });
    expect(Object.keys(limited as object)).toEqual(['c']);
  });

  it('keeps a property named __proto__ as an own, serialised property', () => {
    const value = valid({
      type: 'object',
      properties: { ['__proto__']: { type: 'number' } },
      required: ['__proto__'],
      additionalProperties: false,
    });
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toMatch(/^\{"__proto__":-?\d/);
  });

  it('takes the first viable anyOf/oneOf branch, preferring non-null', () => {
    expect(typeof valid({ anyOf: [{ type: 'null' }, { type: 'string' }] })).toBe('string');
    expect(
      valid({ anyOf: [{ type: 'string', minLength: 5, maxLength: 2 }, { type: 'integer' }] }),
    ).toEqual(expect.any(Number));
    const oneOf = valid({ oneOf: [{ type: 'number' }, { type: 'integer' }] });
    expect(Number.isInteger(oneOf)).toBe(false);
    expect(valid({ type: ['null', 'integer'] })).toEqual(expect.any(Number));
    expect(valid({ type: 'string', nullable: true })).toEqual(expect.any(String));
  });

  it('merges allOf and follows $ref, including recursive definitions', () => {
    valid({ allOf: [{ type: 'integer', minimum: 10 }, { maximum: 12 }] });
    valid({
      allOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        { properties: { b: { type: 'number' } }, required: ['b'] },
      ],
    });
    const tree = valid({
      $defs: {
        node: {
          type: 'object',
          properties: {
            label: { type: 'string' },
            children: { type: 'array', items: { $ref: '#/$defs/node' } },
          },
          required: ['label', 'children'],
          additionalProperties: false,
        },
      },
      $ref: '#/$defs/node',
    });
    expect(tree).toHaveProperty('label');
    valid({
      definitions: { n: { type: 'integer' } },
      properties: { x: { $ref: '#/definitions/n' } },
    });
  });

  it('accepts draft-07 documents as the AI SDK sends them', () => {
    valid({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] },
        hashtags: { type: 'array', items: { type: 'string' } },
        words: { type: 'number' },
      },
      required: ['sentiment', 'hashtags', 'words'],
      additionalProperties: false,
    });
  });
});

describe('generateValue: suggestions', () => {
  const schema = {
    type: 'object',
    properties: {
      postText: { type: 'string' },
      mood: { type: 'string', enum: ['happy', 'sad'] },
      count: { type: 'integer', minimum: 0, maximum: 10 },
      flag: { type: 'boolean' },
      tags: { type: 'array', items: { type: 'string' } },
    },
    required: ['postText', 'mood', 'count', 'flag', 'tags'],
  };

  it('uses what the suggester proposes, with normalised slot names', () => {
    const names: string[] = [];
    const words: (readonly string[])[] = [];
    const value = valid(schema, {
      string: (slot) => {
        names.push(slot.name);
        words.push(slot.words);
        return slot.name === 'posttext' ? 'hello world' : undefined;
      },
      enumChoice: () => 'sad',
      number: (_slot, range) => {
        expect(range).toEqual({ min: 0, max: 10, integer: true });
        return 7;
      },
      boolean: () => true,
      list: (slot) => (slot.name === 'tags' ? ['#a', '#b'] : undefined),
    });
    expect(value).toEqual({
      postText: 'hello world',
      mood: 'sad',
      count: 7,
      flag: true,
      tags: ['#a', '#b'],
    });
    expect(names).toContain('posttext');
    expect(words).toContainEqual(['post', 'text']);
  });

  it('fits or drops suggestions that break the schema', () => {
    const value = valid(schema, {
      string: () => 'x'.repeat(5),
      enumChoice: () => 'not-an-option',
      number: () => 99,
      list: () => Array.from({ length: 50 }, (_, i) => `t${i}`),
    }) as { count: number; mood: string; tags: string[] };
    expect(value.count).toBe(10);
    expect(['happy', 'sad']).toContain(value.mood);
    expect(value.tags.length).toBe(GENERATION_LIMITS.suggestedItems);
  });

  it('uses known values only when they validate', () => {
    const known = (slot: { name: string }) => (slot.name === 'count' ? ['nope', 3] : []);
    expect(valid(schema, { known })).toMatchObject({ count: 3 });
  });
});

describe('generateValue: determinism and robustness', () => {
  it('is a pure function of schema, seed and suggester', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } } };
    expect(generateValue(schema, { seed: 'one' })).toEqual(generateValue(schema, { seed: 'one' }));
    expect(generateValue(schema, { seed: 'one' })).not.toEqual(
      generateValue(schema, { seed: 'two' }),
    );
  });

  it('stays cheap and total on hostile schemas', () => {
    expect(generateValue({ $ref: '#' })).toBeNull();
    expect(generateValue({ type: 'array', items: { type: 'string' }, minItems: 1e9 })).toHaveLength(
      GENERATION_LIMITS.items,
    );
    expect((generateValue({ type: 'string', minLength: 1e9 }) as string).length).toBe(
      GENERATION_LIMITS.stringLength,
    );
    const selfRequired = { type: 'object', properties: { me: { $ref: '#' } }, required: ['me'] };
    expect(() => generateValue(selfRequired)).not.toThrow();
    for (const garbage of [
      null,
      'string',
      42,
      [],
      { type: 'nonsense' },
      { $ref: 5 },
      { enum: [] },
    ]) {
      expect(() => generateValue(garbage)).not.toThrow();
    }
    expect(generateValue(false)).toBeNull();
    expect(
      isValid({ type: 'string', minimum: 3 }, generateValue({ type: 'string', minimum: 3 })),
    ).toBe(true);
  });
});

describe('normalizeName / nameWords', () => {
  it('lower-cases and drops separators', () => {
    expect(normalizeName('hash_Tags')).toBe('hashtags');
    expect(normalizeName('post-text 2')).toBe('posttext2');
    expect(normalizeName('Stimmung_Ä')).toBe('stimmungä');
  });

  it('splits names into words', () => {
    expect(nameWords('postText')).toEqual(['post', 'text']);
    expect(nameWords('hash_tags')).toEqual(['hash', 'tags']);
    expect(nameWords('word-count2')).toEqual(['word', 'count2']);
    expect(nameWords('HTTPStatusCode')).toEqual(['http', 'status', 'code']);
    expect(nameWords('userID')).toEqual(['user', 'id']);
    expect(nameWords('')).toEqual([]);
  });
});
