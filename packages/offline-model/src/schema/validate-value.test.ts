import { describe, expect, it } from 'vitest';
import { isValid, validateValue } from './validate-value.ts';

const ok = (schema: unknown, value: unknown) => expect(validateValue(schema, value)).toEqual([]);
const bad = (schema: unknown, value: unknown, message: RegExp) => {
  const issues = validateValue(schema, value);
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.map((issue) => issue.message).join('; ')).toMatch(message);
};

describe('validateValue', () => {
  it('accepts anything under true, {} and a missing schema; nothing under false', () => {
    ok(true, 1);
    ok({}, { a: 1 });
    ok(undefined, 'x');
    bad(false, 1, /no value/);
  });

  it('checks type, integer, type lists and nullable', () => {
    ok({ type: 'string' }, 'a');
    bad({ type: 'string' }, 1, /expected string, got integer/);
    ok({ type: 'integer' }, 3);
    bad({ type: 'integer' }, 3.5, /expected integer/);
    ok({ type: 'number' }, 3);
    bad({ type: 'number' }, '3', /expected number/);
    ok({ type: ['string', 'null'] }, null);
    ok({ type: 'string', nullable: true }, null);
    bad({ type: 'string' }, null, /got null/);
    ok({ type: 'object' }, {});
    bad({ type: 'object' }, [], /got array/);
    ok({ type: 'boolean' }, false);
  });

  it('checks enum and const by deep equality', () => {
    ok({ enum: ['a', { b: [1] }] }, { b: [1] });
    bad({ enum: ['a', 'b'] }, 'c', /one of \["a","b"\]/);
    ok({ const: { x: 1, y: 2 } }, { y: 2, x: 1 });
    bad({ const: 1 }, 2, /expected 1/);
  });

  it('checks string length in code points, pattern and format', () => {
    ok({ type: 'string', minLength: 2, maxLength: 2 }, '日本');
    bad({ type: 'string', minLength: 3 }, 'ab', /shorter than 3/);
    bad({ type: 'string', maxLength: 1 }, 'ab', /longer than 1/);
    ok({ type: 'string', pattern: '^[a-z]+$' }, 'abc');
    bad({ type: 'string', pattern: '^[a-z]+$' }, 'ab1', /pattern/);
    ok({ type: 'string', pattern: '([' }, 'invalid patterns are ignored');
    ok({ type: 'string', format: 'email' }, 'a@b.co');
    bad({ type: 'string', format: 'email' }, 'nope', /valid email/);
    ok({ type: 'string', format: 'date-time' }, '2025-01-01T12:00:00Z');
    bad({ type: 'string', format: 'date' }, '2025/01/01', /valid date/);
    ok({ type: 'string', format: 'uuid' }, '123e4567-e89b-12d3-a456-426614174000');
    ok({ type: 'string', format: 'something-new' }, 'anything');
  });

  it('checks numeric bounds in both exclusive styles, and multipleOf', () => {
    ok({ minimum: 1, maximum: 3 }, 3);
    bad({ minimum: 1 }, 0, /less than minimum 1/);
    bad({ maximum: 1 }, 2, /greater than maximum 1/);
    bad({ exclusiveMinimum: 1 }, 1, /not above 1/);
    bad({ exclusiveMaximum: 1 }, 1, /not below 1/);
    bad({ minimum: 1, exclusiveMinimum: true }, 1, /not above 1/);
    ok({ maximum: 1, exclusiveMaximum: false }, 1);
    ok({ multipleOf: 0.1 }, 0.3);
    bad({ multipleOf: 5 }, 12, /multiple of 5/);
  });

  it('checks arrays: items, tuples, counts and uniqueness', () => {
    ok({ type: 'array', items: { type: 'string' } }, ['a', 'b']);
    bad({ items: { type: 'string' } }, ['a', 2], /expected string/);
    expect(validateValue({ items: { type: 'string' } }, ['a', 2])[0]?.path).toBe('/1');
    bad({ minItems: 2 }, [1], /fewer than 2 items/);
    bad({ maxItems: 1 }, [1, 2], /more than 1 items/);
    bad({ uniqueItems: true }, [{ a: 1 }, { a: 1 }], /not unique/);
    ok({ prefixItems: [{ type: 'string' }, { type: 'number' }], items: false }, ['a', 1]);
    bad({ prefixItems: [{ type: 'string' }], items: false }, ['a', 1], /no value/);
    ok({ items: [{ type: 'string' }], additionalItems: { type: 'number' } }, ['a', 1, 2]);
  });

  it('checks objects: required, additional and pattern properties, counts', () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['name'],
      additionalProperties: false,
    };
    ok(schema, { name: 'x' });
    bad(schema, {}, /missing required property "name"/);
    bad(schema, { name: 'x', extra: 1 }, /unexpected property "extra"/);
    ok({ additionalProperties: { type: 'number' } }, { a: 1 });
    bad({ additionalProperties: { type: 'number' } }, { a: 'x' }, /expected number/);
    ok(
      { patternProperties: { '^x_': { type: 'number' } }, additionalProperties: false },
      { x_1: 1 },
    );
    bad({ minProperties: 1 }, {}, /fewer than 1 properties/);
    bad({ maxProperties: 0 }, { a: 1 }, /more than 0 properties/);
    expect(validateValue(schema, { name: 1 })[0]?.path).toBe('/name');
  });

  it('checks anyOf, oneOf, allOf and not', () => {
    const anyOf = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    ok(anyOf, 1);
    bad(anyOf, true, /none of the anyOf/);
    const oneOf = { oneOf: [{ type: 'number' }, { type: 'integer' }] };
    ok(oneOf, 1.5);
    bad(oneOf, 1, /matches 2 of the oneOf/);
    bad({ allOf: [{ minimum: 1 }, { maximum: 2 }] }, 3, /greater than maximum 2/);
    bad({ not: { type: 'string' } }, 'x', /under "not"/);
  });

  it('follows local $refs and reports unresolvable ones', () => {
    const schema = {
      $defs: { tag: { type: 'string', pattern: '^#' } },
      type: 'object',
      properties: { tags: { type: 'array', items: { $ref: '#/$defs/tag' } } },
    };
    ok(schema, { tags: ['#a'] });
    bad(schema, { tags: ['a'] }, /pattern/);
    bad({ $ref: '#/definitions/missing' }, 1, /cannot resolve/);
    expect(
      isValid({ $ref: '#/definitions/a' }, 'x', { definitions: { a: { type: 'string' } } }),
    ).toBe(true);
  });

  it('stops on reference cycles instead of recursing forever', () => {
    bad({ $ref: '#' }, 1, /nests too deeply/);
  });
});
