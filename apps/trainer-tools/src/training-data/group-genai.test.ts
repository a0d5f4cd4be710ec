import { describe, expect, it } from 'vitest';
import { groupGenai, isEmpty } from './group-genai.ts';

describe('groupGenai', () => {
  it('builds a list of messages with nested tool calls', () => {
    const attributes = {
      'gen_ai.prompt.1.role': 'assistant',
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': 'hi',
      'gen_ai.prompt.1.tool_calls.0.id': 'call-1',
      'gen_ai.prompt.1.tool_calls.0.name': 'weather',
      'gen_ai.completion.0.content': 'not a prompt',
    };
    expect(groupGenai(attributes, 'gen_ai.prompt')).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', tool_calls: [{ id: 'call-1', name: 'weather' }] },
    ]);
  });

  it('builds an object when no key is numbered, nesting lists inside', () => {
    const attributes = {
      'gen_ai.request.model': 'm',
      'gen_ai.request.functions.0.name': 'weather',
      'gen_ai.request.functions.0.parameters': '{}',
    };
    expect(groupGenai(attributes, 'gen_ai.request')).toEqual({
      model: 'm',
      functions: [{ name: 'weather', parameters: '{}' }],
    });
  });

  it('compacts gaps and drops unnumbered keys next to numbered ones, as AGL does', () => {
    expect(groupGenai({ 'p.3.a': 1, 'p.10.a': 2, 'p.x': 3, 'p.03.b': 4 }, 'p')).toEqual([
      { a: 1, b: 4 },
      { a: 2 },
    ]);
  });

  it('gives an empty object when nothing matches, and keeps odd keys safely', () => {
    expect(groupGenai({ 'gen_ai.promptx': 1 }, 'gen_ai.prompt')).toEqual({});
    expect(isEmpty(groupGenai({}, 'x'))).toBe(true);
    const odd = groupGenai({ 'p.__proto__': 'v' }, 'p');
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(Object.keys(odd)).toEqual(['__proto__']);
  });
});
