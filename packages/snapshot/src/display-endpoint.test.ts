import { describe, expect, it } from 'vitest';
import { displayEndpoint } from './display-endpoint.ts';

describe('displayEndpoint', () => {
  it('removes credentials and trailing slashes', () => {
    expect(displayEndpoint('http://user:secret@localhost:4747/')).toBe('http://localhost:4747');
    expect(displayEndpoint('http://127.0.0.1:4747/')).toBe('http://127.0.0.1:4747');
  });

  it('copes with text that is not a URL', () => {
    expect(displayEndpoint('not a url')).toBe('not a url');
    expect(displayEndpoint('//u:p@host')).toBe('//host');
  });
});
