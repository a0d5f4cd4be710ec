import { describe, expect, it } from 'vitest';
import { type SchemaCheck, type SchemaError, schemaProblems } from './schema-problems.ts';

/** A check that fails with the given errors, as a generated one does. */
function failing(errors: SchemaError[]): SchemaCheck {
  const check: SchemaCheck = () => false;
  check.errors = errors;
  return check;
}

describe('schemaProblems', () => {
  it('returns nothing when the check passes', () => {
    expect(schemaProblems(() => true, {}, 'span')).toEqual([]);
  });

  it('reports a failed anyOf once, without the errors of its alternatives', () => {
    const anyOf = [
      { type: 'string' },
      { type: 'integer' },
      { type: 'number' },
      { type: 'array', items: { type: 'string' } },
      { type: 'array', items: { type: 'number' } },
    ];
    const check = failing([
      { instancePath: '/a', keyword: 'type', params: { type: 'string' }, data: [true] },
      { instancePath: '/a/0', keyword: 'type', params: { type: 'string' }, data: true },
      { instancePath: '/ab', keyword: 'type', params: { type: 'string' }, data: 1 },
      { instancePath: '/a', keyword: 'anyOf', params: {}, data: [true], parentSchema: { anyOf } },
    ]);
    expect(schemaProblems(check, {}, 'x')).toEqual([
      'x.ab: must be a string, got 1',
      'x.a: must be a string or a number, or an array of one of those types only; got [true]',
    ]);
  });

  it('prefers the allowed values over the type they share', () => {
    const check = failing([
      { instancePath: '/mode', keyword: 'type', params: { type: 'string,null' }, data: 3 },
      {
        instancePath: '/mode',
        keyword: 'enum',
        params: { allowedValues: ['train', 'val', null] },
        data: 3,
      },
    ]);
    expect(schemaProblems(check, {}, 'request')).toEqual([
      'request.mode: must be one of train, val, null; got 3',
    ]);
  });

  it('names missing and unknown keys with what to do', () => {
    const parentSchema = {
      properties: { name: { type: 'string' }, end: { type: ['number', 'null'] } },
    };
    const check = failing([
      { instancePath: '', keyword: 'required', params: { missingProperty: 'name' }, parentSchema },
      { instancePath: '', keyword: 'required', params: { missingProperty: 'end' }, parentSchema },
      {
        instancePath: '',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'a b' },
        parentSchema,
      },
    ]);
    expect(schemaProblems(check, {}, 'patch')).toEqual([
      'patch.name: missing',
      'patch.end: missing; send null when there is no value',
      'patch["a b"]: unknown key; use name, end',
    ]);
  });

  it('lists the tag values of a discriminated union', () => {
    const oneOf = ['llm', 'prompt_template'].map((tag) => ({
      properties: { resource_type: { const: tag } },
    }));
    const check = failing([
      {
        instancePath: '/main',
        keyword: 'discriminator',
        params: { tag: 'resource_type', tagValue: 'gpt' },
        parentSchema: { oneOf },
      },
    ]);
    expect(schemaProblems(check, {}, 'resources')).toEqual([
      'resources.main.resource_type: must be one of llm, prompt_template; got "gpt"',
    ]);
  });
});
