import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT, parseStoreBaseUrl } from './store-endpoint.ts';

describe('parseStoreBaseUrl', () => {
  it('accepts http and https base URLs, trimmed and without trailing slashes', () => {
    expect(parseStoreBaseUrl(' http://127.0.0.1:4747/ ')).toEqual({
      ok: true,
      baseUrl: 'http://127.0.0.1:4747',
    });
    expect(parseStoreBaseUrl('https://store.example:8443/agl//')).toEqual({
      ok: true,
      baseUrl: 'https://store.example:8443/agl',
    });
    expect(parseStoreBaseUrl(DEFAULT_ENDPOINT)).toEqual({ ok: true, baseUrl: DEFAULT_ENDPOINT });
  });

  it('names what is wrong and shows a valid example', () => {
    expect(parseStoreBaseUrl('localhost:4747')).toEqual({
      ok: false,
      problem: '"localhost:4747" is not an http(s) URL; use e.g. http://localhost:4747',
    });
    expect(parseStoreBaseUrl('not a url')).toEqual({
      ok: false,
      problem: '"not a url" is not a URL; use e.g. http://localhost:4747',
    });
    expect(parseStoreBaseUrl('http://h:1/?x=1')).toEqual({
      ok: false,
      problem: `"http://h:1/?x=1" has a ?query or #fragment; use the store's base URL only`,
    });
    expect(parseStoreBaseUrl('http://h:1/#top').ok).toBe(false);
  });
});
