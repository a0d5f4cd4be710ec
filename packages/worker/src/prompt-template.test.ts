import { describe, expect, it } from 'vitest';
import { findPromptTemplate, formatFString, renderPromptTemplate } from './prompt-template.ts';

describe('formatFString', () => {
  it('fills named fields and keeps doubled braces literal, like str.format', () => {
    expect(formatFString('Hi {name}, {{json}} {n} {flag}', { name: 'Ada', n: 3, flag: true })).toBe(
      'Hi Ada, {json} 3 true',
    );
    expect(formatFString('{post}', { post: { a: 1 } })).toBe('{"a":1}');
    expect(formatFString('no fields', {})).toBe('no fields');
  });

  it.each([
    ['{missing}', /needs a value for \{missing\}/],
    ['{0}', /not supported/],
    ['{}', /not supported/],
    ['{x:>3}', /not supported/],
    ['{x!r}', /not supported/],
    ['open {x', /unclosed "\{" at position 5/],
    ['close }', /single "\}" at position 6/],
  ])('rejects %s with a clear message', (template, message) => {
    expect(() => formatFString(template, { x: 1 })).toThrow(message);
  });
});

describe('renderPromptTemplate / findPromptTemplate', () => {
  it('renders f-string templates and refuses other engines', () => {
    expect(
      renderPromptTemplate(
        { resource_type: 'prompt_template', template: '{a}', engine: 'f-string' },
        { a: 'x' },
      ),
    ).toBe('x');
    expect(() =>
      renderPromptTemplate(
        { resource_type: 'prompt_template', template: '{{ a }}', engine: 'jinja' },
        {},
      ),
    ).toThrow(/engine "jinja"/);
  });

  it('finds the first or the named template', () => {
    const resources = {
      llm: { resource_type: 'llm' as const, endpoint: 'http://h', model: 'm' },
      p: { resource_type: 'prompt_template' as const, template: 't', engine: 'f-string' as const },
    };
    expect(findPromptTemplate(resources)?.[0]).toBe('p');
    expect(findPromptTemplate(resources, 'p')?.[1].template).toBe('t');
    expect(findPromptTemplate(resources, 'q')).toBeUndefined();
    expect(() => findPromptTemplate(resources, 'llm')).toThrow(/not a prompt_template/);
  });
});
