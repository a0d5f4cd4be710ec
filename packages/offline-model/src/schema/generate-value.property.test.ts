import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateValue, type ValueSuggester } from './generate-value.ts';
import { validateValue } from './validate-value.ts';

/** Random schemas drawn only from satisfiable combinations of the supported keywords. */
const satisfiableSchema = fc
  .letrec<{ schema: object; leaf: object }>((tie) => ({
    leaf: fc.oneof(
      fc.constant({ type: 'boolean' }),
      fc.constant({ type: 'null' }),
      fc.constant({}),
      fc
        .record(
          { type: fc.constant('string'), minLength: fc.nat(5), extra: fc.nat(20) },
          { requiredKeys: ['type'] },
        )
        .map(({ type, minLength, extra }) => ({
          type,
          ...(minLength !== undefined ? { minLength } : {}),
          ...(extra !== undefined ? { maxLength: (minLength ?? 0) + extra } : {}),
        })),
      fc.constantFrom('date-time', 'date', 'email', 'uri', 'uuid', 'ipv4').map((format) => ({
        type: 'string',
        format,
      })),
      fc.constantFrom('^[a-z]+$', '^[0-9]{3}$', '^[A-F0-9]{8}$').map((pattern) => ({
        type: 'string',
        pattern,
      })),
      fc
        .record({
          integer: fc.boolean(),
          minimum: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }),
          width: fc.option(fc.integer({ min: 10, max: 1000 }), { nil: undefined }),
          exclusive: fc.boolean(),
          multipleOf: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        })
        .map(({ integer, minimum, width, exclusive, multipleOf }) => ({
          type: integer ? 'integer' : 'number',
          ...(minimum !== undefined
            ? { [exclusive ? 'exclusiveMinimum' : 'minimum']: minimum }
            : {}),
          ...(minimum !== undefined && width !== undefined ? { maximum: minimum + width } : {}),
          ...(multipleOf !== undefined ? { multipleOf } : {}),
        })),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }).map((options) => ({
        enum: options,
      })),
      fc.jsonValue({ maxDepth: 2 }).map((value) => ({ const: value })),
    ),
    schema: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      fc
        .record({
          items: tie('schema'),
          minItems: fc.nat(3),
          extra: fc.option(fc.nat(3), { nil: undefined }),
        })
        .map(({ items, minItems, extra }) => ({
          type: 'array',
          items,
          minItems,
          ...(extra !== undefined ? { maxItems: minItems + extra } : {}),
        })),
      fc
        .dictionary(fc.stringMatching(/^[a-zA-Z_]{1,10}$/), tie('schema'), { maxKeys: 5 })
        .chain((properties) =>
          fc
            .record({
              required: fc.subarray(Object.keys(properties)),
              additionalProperties: fc.boolean(),
            })
            .map(({ required, additionalProperties }) => ({
              type: 'object',
              properties,
              required,
              additionalProperties,
            })),
        ),
      fc.array(tie('schema'), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
      tie('leaf').map((leaf) => {
        const type = (leaf as { type?: unknown }).type;
        return typeof type === 'string' ? { ...leaf, type: [type, 'null'] } : leaf;
      }),
    ),
  }))
  .schema.chain((schema) =>
    // Local references point into the root document, so the $defs live at the top.
    fc.constantFrom(schema, { $defs: { inner: schema }, $ref: '#/$defs/inner' }),
  );

/** A suggester that proposes arbitrary (often unfitting) values everywhere. */
const noisySuggester = fc
  .record({
    text: fc.string({ maxLength: 40 }),
    number: fc.double({ noNaN: false }),
    flag: fc.boolean(),
    list: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 6 }),
  })
  .map(
    ({ text, number, flag, list }): ValueSuggester => ({
      string: () => text,
      number: () => number,
      boolean: () => flag,
      list: () => list,
      enumChoice: (_slot, options) => options[options.length - 1],
    }),
  );

describe('generateValue (property)', () => {
  it('always satisfies a satisfiable schema', () => {
    fc.assert(
      fc.property(satisfiableSchema, fc.string({ maxLength: 8 }), (schema, seed) => {
        const value = generateValue(schema, { seed });
        expect(validateValue(schema, value)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('still satisfies the schema whatever the suggester proposes', () => {
    fc.assert(
      fc.property(satisfiableSchema, noisySuggester, (schema, suggester) => {
        const value = generateValue(schema, { seed: 'noise', suggester });
        expect(validateValue(schema, value)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON used as a schema', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (schema) => {
        generateValue(schema, { seed: 'x' });
        validateValue(schema, generateValue(schema));
      }),
      { numRuns: 300 },
    );
  });
});
