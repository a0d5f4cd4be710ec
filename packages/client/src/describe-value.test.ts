import { expect, describe as group, it } from 'vitest';
import { describe, pointerPath, show } from './describe-value.ts';

group('pointerPath', () => {
  it('turns a JSON pointer into the path a reader would write', () => {
    expect(pointerPath('')).toBe('');
    expect(pointerPath('/events/0/attributes/gen_ai.prompt')).toBe(
      '.events[0].attributes["gen_ai.prompt"]',
    );
    expect(pointerPath('/attributes/a~1b~0c')).toBe('.attributes["a/b~c"]');
  });
});

group('show and describe', () => {
  it('write primitives as JSON and name containers by kind', () => {
    expect(show('x'.repeat(80))).toBe(`"${'x'.repeat(56)}...`);
    expect(show(Number.NaN)).toBe('NaN');
    expect(describe(undefined)).toBe('nothing');
    expect(describe([1])).toBe('an array');
    expect(describe({ a: 1 })).toBe('an object');
    expect(describe(null)).toBe('null');
    expect(describe('a')).toBe('"a"');
  });
});
