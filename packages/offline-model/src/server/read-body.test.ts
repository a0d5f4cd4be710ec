import { describe, expect, it } from 'vitest';
import { parseJsonBody } from './read-body.ts';

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(parseJsonBody(Buffer.from('{"a":[1]}'))).toEqual({ a: [1] });
  });

  it('rejects empty and malformed bodies with a 400 that says why', () => {
    expect(() => parseJsonBody(Buffer.from('  '))).toThrow(/body is empty/);
    expect(() => parseJsonBody(Buffer.from('{"a":'))).toThrow(
      /not valid JSON \(.+\)\. Send a JSON object/,
    );
  });
});
